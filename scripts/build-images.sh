#!/usr/bin/env bash
# Builds a local Docker image for a .NET project without any registry.
#
#   scripts/build-images.sh <project.csproj|project-dir> <image[:tag]> [--trim]
#
# 1. `dotnet publish -r linux-x64 --self-contained -p:InvariantGlobalization=true` into
#    artifacts/publish/<image-name>/ (the same output the compose/ Dockerfiles copy).
# 2. A root file system: the publish folder under /app plus every shared library that `ldd`
#    lists for the app host and the native libraries (libc, libm, libstdc++, libgcc_s, ld-linux...).
# 3. `docker build` of a FROM-scratch image from that folder (nothing is pulled).
# The image's entrypoint is /app/<AssemblyName>. --trim publishes trimmed (smaller, faster to
# create on the vfs storage driver); use it only for projects that are trim-safe.
# Needs: dotnet, ldd, a reachable dockerd. Exit code 0 on success, 1 on failure, 2 on bad args.
set -euo pipefail

usage() { echo "usage: $0 <project.csproj|dir> <image[:tag]> [--trim]" >&2; exit 2; }
[[ $# -ge 2 ]] || usage
project="$1"; image="$2"; shift 2
trim=false
for arg in "$@"; do
  case "$arg" in
    --trim) trim=true ;;
    *) usage ;;
  esac
done
[[ -e "$project" ]] || { echo "error: project '$project' does not exist" >&2; exit 2; }
if [[ -d "$project" ]]; then
  project=$(ls "$project"/*.csproj 2>/dev/null | head -n1 || true)
  [[ -n "$project" ]] || { echo "error: no .csproj in the given folder" >&2; exit 2; }
fi

docker info >/dev/null 2>&1 || { echo "error: dockerd is not reachable (docker info failed); start it first" >&2; exit 1; }

repo_root=$(cd "$(dirname "$0")/.." && pwd)
name=${image%%:*}; name=${name//\//-}
publish_dir="$repo_root/artifacts/publish/$name"
context_dir="$repo_root/artifacts/image-context/$name"

echo "publishing $project -> $publish_dir"
rm -rf "$publish_dir"
dotnet publish "$project" -c Release -r linux-x64 --self-contained \
  -p:InvariantGlobalization=true -p:PublishTrimmed=$trim \
  -o "$publish_dir" --nologo -v quiet

assembly=$(dotnet msbuild "$project" -getProperty:AssemblyName -p:Configuration=Release 2>/dev/null | tr -d '\r')
[[ -x "$publish_dir/$assembly" ]] || { echo "error: app host $publish_dir/$assembly not found after publish" >&2; exit 1; }

echo "assembling root file system in $context_dir"
rm -rf "$context_dir"
mkdir -p "$context_dir/rootfs/app" "$context_dir/rootfs/tmp"
cp -a "$publish_dir/." "$context_dir/rootfs/app/"
# Every shared library the app host and the native parts of the runtime link to, at its real path.
for binary in "$publish_dir/$assembly" "$publish_dir"/*.so; do
  [[ -e "$binary" ]] || continue
  ldd "$binary" 2>/dev/null | awk '/=>/ { print $3 } /^\s*\/.*ld-linux/ { print $1 }' | grep '^/' || true
done | sort -u | grep -v "^$publish_dir/" | while read -r lib; do
  for path in "$lib" "$(readlink -f "$lib")"; do
    mkdir -p "$context_dir/rootfs$(dirname "$path")"
    cp -aL "$path" "$context_dir/rootfs$path"
  done
done
# /lib64 is where the app host looks for the dynamic loader.
if [[ -e /lib64/ld-linux-x86-64.so.2 && ! -e "$context_dir/rootfs/lib64/ld-linux-x86-64.so.2" ]]; then
  mkdir -p "$context_dir/rootfs/lib64"; cp -L /lib64/ld-linux-x86-64.so.2 "$context_dir/rootfs/lib64/"
fi
chmod 1777 "$context_dir/rootfs/tmp"

cat > "$context_dir/Dockerfile" <<DOCKERFILE
FROM scratch
COPY rootfs/ /
ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_gcServer=0
WORKDIR /app
ENTRYPOINT ["/app/$assembly"]
DOCKERFILE

echo "building image $image"
if ! docker build -q -t "$image" --label force12.image.project="$(basename "$project" .csproj)" "$context_dir" \
    >"$context_dir/build.log" 2>&1; then
  cat "$context_dir/build.log" >&2; echo "error: docker build of $image failed" >&2; exit 1
fi
echo "built $image ($(docker image inspect -f '{{.Size}}' "$image") bytes)"
