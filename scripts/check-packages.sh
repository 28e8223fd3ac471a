#!/usr/bin/env bash
# Packs GmmGpu, GmmGpu.Viewer and the gmm tool, installs the tool into a temporary tool path
# and runs it, then builds and runs samples/QuickStart against the packages. Each run packs a
# unique prerelease version, so no package cached by an earlier run is ever the one used; its
# cache entries and packages are removed afterwards. Expects a Release build (./test builds).
set -euo pipefail
cd "$(dirname "$0")/.."
version="0.1.0-check.$(date +%s).$$"
artifacts="$PWD/artifacts/packages"
work=$(mktemp -d)
cache=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: *//')
cleanup() {
    rm -rf "$work" "$cache/gmmgpu/$version" "$cache/gmmgpu.viewer/$version" "$cache/gmm/$version"
    rm -f "$artifacts"/*."$version".nupkg "$artifacts"/*."$version".snupkg
}
trap cleanup EXIT
started=$SECONDS
step() { echo "packages: $1 ($((SECONDS - started)) s)"; }

for project in src/Host/GmmGpu.csproj src/Viewer/GmmGpu.Viewer.csproj; do
    dotnet pack "$project" -c Release --no-build -nologo -v quiet -o "$artifacts" \
        -p:Version="$version"
done
# The tool's own assembly is built again with the packed version (the libraries it carries are
# the Release build's), so that `gmm --version` says the version a user installed.
dotnet pack src/Cli/GmmGpu.Cli.csproj -c Release --no-restore -nologo -v quiet -o "$artifacts" \
    -p:Version="$version" -p:BuildProjectReferences=false
for package in GmmGpu GmmGpu.Viewer gmm; do
    for ext in nupkg snupkg; do
        [ -s "$artifacts/$package.$version.$ext" ] || { echo "missing $package.$version.$ext"; exit 1; }
    done
done

step "packed $version"
# The tool, installed as a user would (a temporary tool path instead of --global).
dotnet tool install gmm --tool-path "$work/tools" --add-source "$artifacts" \
    --version "$version" --ignore-failed-sources > /dev/null
tool="$work/tools/gmm"
# "gmm 0.1.0-check.N.P", perhaps with "+" and the commit after it.
shown=$("$tool" --version)
shown=${shown#gmm }
[ "${shown%%+*}" = "$version" ] || { echo "gmm --version says '$shown', not $version"; exit 1; }
# Natives for Linux x64 and arm64 only (SkiaSharp brings 17 platforms' worth).
size=$(stat -c %s "$artifacts/gmm.$version.nupkg")
natives=$(ls "$work/tools/.store/gmm/$version/gmm/$version/tools/net10.0/any/runtimes" | tr '\n' ' ')
[ "$natives" = "linux-arm64 linux-x64 " ] \
    || { echo "the tool package carries natives for: $natives"; exit 1; }
"$tool" generate -n 3000 --dim 2 -k 3 --seed 1 -o "$work/points.npy" --quiet > /dev/null
"$tool" fit "$work/points.npy" -k 3 --device cpu --seed 1 -o "$work/model.json" --quiet > /dev/null
grep -q '"means_"' "$work/model.json" || { echo "gmm fit wrote no model"; exit 1; }

step "gmm tool installed ($((size / 1000000)) MB), --version and fit ran"
# The sample, from the packages (its nuget.config names artifacts/packages).
dotnet build samples/QuickStart/QuickStart.csproj -c Release -nologo -v quiet \
    -p:GmmGpuVersion="$version" -o "$work/sample" > "$work/sample-build.log" \
    || { cat "$work/sample-build.log"; exit 1; }
grep -q "gmmgpu/$version" samples/QuickStart/obj/project.assets.json \
    || { echo "the sample did not restore GmmGpu $version"; exit 1; }
dotnet "$work/sample/QuickStart.dll" "$work/quickstart-model.json" | sed 's/^/  /' 
[ -s "$work/quickstart-model.json" ] || { echo "the sample saved no model"; exit 1; }
step "QuickStart built from the packages and ran"
