# The probe sample on a real base image, for machines that can pull from a registry.
# It copies the same self-contained publish output that scripts/build-images.sh puts in a
# FROM-scratch image (no registry needed there):
#   scripts/build-images.sh src/Force12.Queues.Samples.Probe force12/probe:dev --trim   # local, no registry
# or, with a registry:
#   dotnet publish src/Force12.Queues.Samples.Probe -c Release -r linux-x64 --self-contained \
#     -p:InvariantGlobalization=true -o artifacts/publish/force12-probe
#   docker build -f compose/probe.Dockerfile -t force12/probe:dev artifacts/publish/force12-probe
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
WORKDIR /app
COPY . /app/
# Run as the image's non-root user; the probe writes only to PROBE_SIGNAL_DIR.
USER app
ENTRYPOINT ["/app/force12-probe"]
