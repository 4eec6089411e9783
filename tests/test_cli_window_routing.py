"""`gkdesk` with window options (--sample, --lang) opens the window; other options stay with the CLI."""
import sys
import types

import pytest

from gkdesk import cli


@pytest.fixture
def window_calls(monkeypatch):
    calls = []
    fake = types.ModuleType("gkdesk.ui.app")
    fake.run_gui = lambda argv: calls.append(list(argv)) or 0
    monkeypatch.setitem(sys.modules, "gkdesk.ui.app", fake)
    return calls


@pytest.mark.parametrize("argv", [[], ["report.txt"], ["--sample"], ["--lang", "en", "report.txt"], ["--lang=en"]])
def test_window_arguments_open_the_window(window_calls, argv):
    assert cli.main(argv) == 0
    assert window_calls == [argv]


def test_cli_options_stay_with_the_cli(window_calls, capsys):
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert capsys.readouterr().out.strip().startswith("gkdesk ")
    assert window_calls == []
