# Windows: set up a virtual environment (once) and open the review window on the bundled sample.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
if (-not (Test-Path ".venv\Scripts\python.exe")) { py -3 -m venv .venv }
.venv\Scripts\python.exe -m pip install -q --upgrade pip
.venv\Scripts\python.exe -m pip install -q -e .
if ($args.Count -eq 0) { $args = @("resources\samples") }
& .venv\Scripts\gkdesk.exe @args
