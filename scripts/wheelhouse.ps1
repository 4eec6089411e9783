# Collect a wheelhouse: gkdesk's wheel and every dependency as binary wheels, for each target
# platform and Python version, so that on a PC without network
#     py -m pip install --no-index --find-links wheelhouse gkdesk
# installs gkdesk. Needs network (the package registry) here, none on the target.
#
# usage: powershell -ExecutionPolicy Bypass -File scripts\wheelhouse.ps1 [-Out dist\wheelhouse]
#        [-Platforms win_amd64,manylinux_2_28_x86_64] [-Pythons 3.11,3.12] [-Extras test]
# manylinux_2_28 (glibc 2.28) is the floor of UOS 20 and Kylin V10; pip also accepts older tags.
param(
    [string]$Out = "dist\wheelhouse",
    [string[]]$Platforms = @("win_amd64", "manylinux_2_28_x86_64"),
    [string[]]$Pythons = @("3.11", "3.12"),
    [string]$Extras = ""
)
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

if ($env:PYTHON) { $Py = $env:PYTHON }
elseif (Test-Path ".venv\Scripts\python.exe") { $Py = ".venv\Scripts\python.exe" }
else { $Py = "py" }

New-Item -ItemType Directory -Force -Path $Out | Out-Null
Remove-Item -Force -ErrorAction SilentlyContinue (Join-Path $Out "gkdesk-*.whl")

# gkdesk itself (pure Python, one wheel for every platform).
& $Py -m pip wheel --no-deps --quiet --wheel-dir $Out .
if ($LASTEXITCODE -ne 0) { throw "building the gkdesk wheel failed" }
$Wheel = (Get-ChildItem (Join-Path $Out "gkdesk-*.whl") | Select-Object -First 1).FullName
$Target = $Wheel
if ($Extras) { $Target = "gkdesk[$Extras] @ " + ([System.Uri]$Wheel).AbsoluteUri }

# pip takes --platform literally: a glibc-2.28 system also runs manylinux_2_27 ... manylinux1
# wheels, so a manylinux_2_N tag is given as every tag it can run.
function Get-PlatformOptions([string]$platform) {
    if ($platform -match '^manylinux_2_(\d+)_(.+)$') {
        $minor = [int]$Matches[1]; $arch = $Matches[2]
        $options = @()
        for ($m = $minor; $m -ge 17; $m--) { $options += @("--platform", "manylinux_2_${m}_$arch") }
        foreach ($legacy in @("manylinux2014", "manylinux2010", "manylinux1")) { $options += @("--platform", "${legacy}_$arch") }
        return $options
    }
    return @("--platform", $platform)
}

# gkdesk's build backend (setuptools, wheel) is added too, so that `pip install --no-index -e .`
# of a checkout works offline (packaging\build_windows.ps1 -Wheelhouse); small, pure Python.
foreach ($platform in $Platforms) {
    foreach ($version in $Pythons) {
        Write-Host "wheelhouse: $platform, Python $version"
        # --only-binary: nothing is ever built on the target.
        $platformOptions = Get-PlatformOptions $platform
        & $Py -m pip download --quiet --only-binary=:all: @platformOptions `
            --python-version $version --implementation cp --dest $Out $Target "setuptools>=77" "wheel"
        if ($LASTEXITCODE -ne 0) { throw "pip download failed for $platform / Python $version" }
    }
}

$wheels = Get-ChildItem (Join-Path $Out "*.whl")
$mb = [math]::Round(($wheels | Measure-Object -Property Length -Sum).Sum / 1MB)
Write-Host "wheelhouse: $($wheels.Count) wheels, $mb MB in $Out"
