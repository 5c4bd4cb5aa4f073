# The bulbs sample pod program on a real base image, for machines that can pull from a registry.
# It copies the same self-contained publish output that scripts/build-images.sh puts in a
# FROM-scratch image (no registry needed there):
#   scripts/build-images.sh src/Force12.Queues.Samples.Bulbs force12/bulbs:dev   # local, no registry
# or, with a registry:
#   dotnet publish src/Force12.Queues.Samples.Bulbs -c Release -r linux-x64 --self-contained \
#     -p:InvariantGlobalization=true -o artifacts/publish/force12-bulbs
#   docker build -f compose/bulbs.Dockerfile -t force12/bulbs:dev artifacts/publish/force12-bulbs
# Containers choose their role with the first argument: state-cache, processor or bulb-state.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
WORKDIR /app
COPY . /app/
USER app
ENTRYPOINT ["/app/force12-bulbs"]
