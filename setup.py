"""Which packages to install; everything else is in pyproject.toml.

pyproject.toml can either list packages or find them, not both, and the top-level rules/
folder must install as factcheck._rules: so every package under factcheck/ is found here
(data folders included, as namespace packages), and rules/ is added by name.
"""

from setuptools import find_namespace_packages, setup

setup(
    packages=[*find_namespace_packages(include=["factcheck", "factcheck.*"], exclude=["*.__pycache__"]),
              "factcheck._rules"],
    package_dir={"factcheck._rules": "rules"},
)
