"""The template worksheets (sheets/*.fods), one module each, built by sheets/build_templates.py.

A template module builds one document with the document toolkit (document.py) and declares
itself as TEMPLATE = shared.Template(key, file, needs, build, pages_tall). MODULES lists them in
build order: a new template is one new module here and its name in MODULES.
"""
import importlib

MODULES = ("condor", "schedule", "signals", "scenarios", "backtest", "chain")

TEMPLATES = [importlib.import_module(f"{__name__}.{m}").TEMPLATE for m in MODULES]
