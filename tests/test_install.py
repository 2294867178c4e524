"""The package as pip installs it, not as the source tree imports it: a module or data
file the wheel leaves out works in every test here and fails for every user."""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_holds_every_module_and_data_file_of_kg(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOT / "kg", src / "kg", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    # with build isolation, as a user's `pip install` builds it: a fresh venv's own
    # setuptools (65 on Python 3.11) has no bdist_wheel
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                            str(src), "-w", str(tmp_path / "dist")], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr[-3000:]
    wheel, = (tmp_path / "dist").glob("kg-*.whl")
    packed = set(zipfile.ZipFile(wheel).namelist())
    files = {p.relative_to(src).as_posix() for p in (src / "kg").rglob("*") if p.is_file()}
    assert files and sorted(files - packed) == []
