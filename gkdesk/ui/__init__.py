"""The review window (PySide6). All Qt code of gkdesk lives in this package."""
