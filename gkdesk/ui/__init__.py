"""The review window (PySide6). All Qt code of gkdesk lives in this package."""
from .pyside_guard import protect_singletons

protect_singletons()
