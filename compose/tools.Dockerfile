# The force12 tools (loadgen, kafka-mock, simulate, demo) on a real base image, for machines that can
# pull from a registry. It copies the same self-contained publish output that scripts/build-images.sh
# puts in a FROM-scratch image (no registry needed there):
#   scripts/build-images.sh src/Force12.Queues.Tools force12/tools:dev   # local, no registry
# or, with a registry:
#   dotnet publish src/Force12.Queues.Tools -c Release -r linux-x64 --self-contained \
#     -p:InvariantGlobalization=true -o artifacts/publish/force12-tools
#   docker build -f compose/tools.Dockerfile -t force12/tools:dev artifacts/publish/force12-tools
# The compose stack's loadgen service runs it: `force12 loadgen --sink kafka ...`.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
WORKDIR /app
COPY . /app/
USER app
ENTRYPOINT ["/app/force12"]
CMD ["--help"]
