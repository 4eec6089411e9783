"""Build hook (the metadata is in pyproject.toml): ship the checkout's resources/ folder inside
the gkdesk package as gkdesk/resources, so an installed wheel has its samples, translations and
icons; gkdesk.ui.resources looks there first. An editable install reads resources/ in place.
"""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

RESOURCES = Path(__file__).resolve().parent / "resources"


class BuildPyWithResources(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False) or not RESOURCES.is_dir():
            return
        target = Path(self.build_lib) / "gkdesk" / "resources"
        shutil.copytree(RESOURCES, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".gitkeep", "*.tmp*", "*.gkdesk.json*"))


setup(cmdclass={"build_py": BuildPyWithResources})
