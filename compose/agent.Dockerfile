# The agent (force12-agent, Native AOT) on a real base image, for machines that can pull from a registry.
# It copies the same publish output that scripts/build-images.sh puts in a FROM-scratch image
# (no registry needed there; the agent project publishes natively for a runtime identifier):
#   scripts/build-images.sh src/Force12.Queues.Agent force12/agent:dev   # local, no registry
# or, with a registry:
#   dotnet publish src/Force12.Queues.Agent -c Release -r linux-x64 -p:InvariantGlobalization=true \
#     -o artifacts/publish/force12-agent
#   rm artifacts/publish/force12-agent/force12-agent.dbg     # the AOT debug symbols: 66 MB the image does not need
#   docker build -f compose/agent.Dockerfile -t force12/agent:dev artifacts/publish/force12-agent
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
WORKDIR /app
COPY . /app/
USER app
ENTRYPOINT ["/app/force12-agent"]
CMD ["run", "-c", "/etc/force12/agent.yaml"]
