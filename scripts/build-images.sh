#!/usr/bin/env bash
# Builds a local Docker image for a .NET project without any registry.
#
#   scripts/build-images.sh <project.csproj|project-dir> <image[:tag]> [--trim]
#   (src/Force12.Queues.Agent publishes as a Native AOT binary, force12-agent: its csproj sets PublishAot)
#
# 1. `dotnet publish -r linux-x64 --self-contained -p:InvariantGlobalization=true` into
#    artifacts/publish/<image-name>/ (the same output the compose/ Dockerfiles copy).
# 2. A root file system: the publish folder under /app (without debugger, crash-dump and tracing
#    libraries, symbols and XML docs) plus every shared library that `ldd` lists for the app host and
#    the native libraries (libc, libm, libstdc++, libgcc_s, ld-linux...).
# 3. `docker build` of a FROM-scratch image from that folder (nothing is pulled).
# The image's entrypoint is /app/<AssemblyName>. --trim publishes trimmed (smaller, faster to
# create on the vfs storage driver); use it only for projects that are trim-safe.
# EXTRA_LIBS="/path/lib1.so /path/lib2.so" adds libraries that are loaded with dlopen (ldd cannot see them).
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
# PublishTrimmed is passed only with --trim: a Native AOT project (the agent) refuses PublishTrimmed=false.
trim_args=()
$trim && trim_args=(-p:PublishTrimmed=true)
dotnet publish "$project" -c Release -r linux-x64 --self-contained \
  -p:InvariantGlobalization=true "${trim_args[@]}" \
  -o "$publish_dir" --nologo -v quiet

assembly=$(dotnet msbuild "$project" -getProperty:AssemblyName -p:Configuration=Release 2>/dev/null | tr -d '\r')
[[ -x "$publish_dir/$assembly" ]] || { echo "error: app host $publish_dir/$assembly not found after publish" >&2; exit 1; }

echo "assembling root file system in $context_dir"
rm -rf "$context_dir"
mkdir -p "$context_dir/rootfs/app" "$context_dir/rootfs/tmp"
cp -a "$publish_dir/." "$context_dir/rootfs/app/"
# Every shared library the app host and the native parts of the runtime link to, at the path the loader asks for
# (the ldd path; on merged-/usr systems /lib is a link, so one copy of each file is enough).
# Debugger, crash-dump and tracing parts of the runtime and alternative GCs are not needed to run and make every
# container create slower (the vfs storage driver copies the image per container); they are left out below.
dropped="createdump libmscordaccore.so libmscordbi.so libcoreclrtraceptprovider.so libclrgc.so libclrgcexp.so"
for binary in "$publish_dir/$assembly" "$publish_dir"/*.so; do
  [[ -e "$binary" ]] || continue
  [[ " $dropped " == *" $(basename "$binary") "* ]] && continue
  ldd "$binary" 2>/dev/null | awk -v b="$(basename "$binary")" '/not found/ { print "warning: " b " needs " $1 ", not found on this machine (the image will lack it)" > "/dev/stderr" }'
  ldd "$binary" 2>/dev/null | awk '/=>/ { print $3 } /^\s*\/.*ld-linux/ { print $1 }' | grep '^/' || true
done | sort -u | grep -v "^$publish_dir/" | while read -r lib; do
  mkdir -p "$context_dir/rootfs$(dirname "$lib")"
  cp -L "$lib" "$context_dir/rootfs$lib"
done
# Libraries a program opens with dlopen (for example OpenSSL for TLS) are not in ldd's list: name them in EXTRA_LIBS.
for lib in ${EXTRA_LIBS:-}; do
  [[ -e "$lib" ]] || { echo "error: EXTRA_LIBS names $lib, which does not exist" >&2; exit 2; }
  mkdir -p "$context_dir/rootfs$(dirname "$lib")"
  cp -L "$lib" "$context_dir/rootfs$lib"
done
# The app host asks for the dynamic loader at /lib64.
if [[ -e /lib64/ld-linux-x86-64.so.2 && ! -e "$context_dir/rootfs/lib64/ld-linux-x86-64.so.2" ]]; then
  mkdir -p "$context_dir/rootfs/lib64"; cp -L /lib64/ld-linux-x86-64.so.2 "$context_dir/rootfs/lib64/"
fi
# Left out of the image (the compose/ Dockerfiles keep the full publish output): see $dropped, plus symbols and docs.
# Native AOT's separate debug symbols (force12-agent.dbg, twice the binary) and the musl build of librdkafka
# (this glibc root file system can never load it) go too.
(cd "$context_dir/rootfs/app" && rm -f $dropped ./*.pdb ./*.xml ./*.dbg ./alpine-librdkafka.so)
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
