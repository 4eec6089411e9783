# Build the Windows 10/11 x64 one-folder application: dist\gkdesk\ (gkdesk.exe opens the window,
# gkdesk-cli.exe is the same program for the command line).
#
# usage (PowerShell, from anywhere):
#   powershell -ExecutionPolicy Bypass -File packaging\build_windows.ps1 [-Archive] [-Wheelhouse DIR]
#   -Archive           also pack dist\gkdesk-VERSION-windows-x64.zip to carry on a USB stick
#   -Wheelhouse DIR    install the build's Python packages from a wheelhouse, with no network
#                      (make one with: scripts\wheelhouse.ps1 -Platforms win_amd64 -Pythons 3.11 -Extras bundle)
# env: PYTHON  interpreter that creates the build environment (default: py -3.11)
#      GKDESK_VENV  the build environment (default .venv)
param(
    [switch]$Archive,
    [string]$Wheelhouse = ""
)
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)
$started = Get-Date

function Invoke-Checked([string]$exe, [string[]]$arguments) {
    & $exe @arguments
    if ($LASTEXITCODE -ne 0) { throw "failed ($LASTEXITCODE): $exe $($arguments -join ' ')" }
}

$Venv = if ($env:GKDESK_VENV) { $env:GKDESK_VENV } else { ".venv" }
$VenvPy = Join-Path $Venv "Scripts\python.exe"
if (-not (Test-Path $VenvPy)) {
    if ($env:PYTHON) { Invoke-Checked $env:PYTHON @("-m", "venv", $Venv) }
    else { Invoke-Checked "py" @("-3.11", "-m", "venv", $Venv) }
}
if ($Wheelhouse) {
    Invoke-Checked $VenvPy @("-m", "pip", "install", "-q", "--no-index", "--find-links", $Wheelhouse, "-e", ".[bundle]")
} else {
    Invoke-Checked $VenvPy @("-m", "pip", "install", "-q", "-e", ".[bundle]")
}
if (Test-Path "scripts\build_translations.py") {
    # .qm files load faster; without them the window reads the .ts, so a failure here is not fatal.
    & $VenvPy "scripts\build_translations.py"
    if ($LASTEXITCODE -ne 0) { Write-Warning "translations not compiled: the bundle reads the .ts" }
}

Remove-Item -Force -ErrorAction SilentlyContinue "dist\gkdesk-*-windows-x64.zip"
Invoke-Checked $VenvPy @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", "dist", "--workpath", "build\pyinstaller", "packaging\gkdesk.spec")
Copy-Item "packaging\bundle-readme.txt" "dist\gkdesk\使用说明.txt"

# Smoke test: the console executable runs and checks the bundled sample report.
$sample = Get-ChildItem "dist\gkdesk\_internal\resources\samples\*.txt" | Select-Object -First 1
Invoke-Checked "dist\gkdesk\gkdesk-cli.exe" @("--version")
& "dist\gkdesk\gkdesk-cli.exe" check --json $sample.FullName
if ($LASTEXITCODE -gt 1) { throw "gkdesk-cli check failed ($LASTEXITCODE)" }

$version = & $VenvPy -c "import gkdesk; print(gkdesk.__version__)"
if ($Archive) {
    Compress-Archive -Path "dist\gkdesk" -DestinationPath "dist\gkdesk-$version-windows-x64.zip" -Force
}
Invoke-Checked $VenvPy @("packaging\bundle_report.py", "dist\gkdesk")
Write-Host ("build time: {0:N0} s" -f ((Get-Date) - $started).TotalSeconds)
