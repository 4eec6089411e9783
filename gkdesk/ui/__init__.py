"""The review window (PySide6). All Qt code of gkdesk lives in this package.

(This file stays free of Qt imports: tools that walk the gkdesk package import it.)
"""
