namespace Force12.Queues.Core.Forecasting;

/// <summary>What a pipeline's arrival-rate forecast may do.</summary>
public enum ForecastMode
{
    /// <summary>No forecast is computed (the default).</summary>
    Off = 0,

    /// <summary>The forecast is computed and reported (status, metrics, the decision's forecast need) but never changes the pods.</summary>
    Shadow = 1,

    /// <summary>The policy takes the larger of the reactive need and the forecast need at now + lead; a forecast never lowers the pods.</summary>
    On = 2,
}
