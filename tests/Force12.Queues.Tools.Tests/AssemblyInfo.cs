// Some tests set FORCE12__* environment variables, which every configuration load in the process reads.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
