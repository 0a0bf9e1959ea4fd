"""The office toolkit: LibreOffice Calc driven from Python, the one copy that the template builder
and the demo (sheets/), the Calc tests (tests/calc, tests/sheets) and the benchmark (bench/) use.

Run under the system python (/usr/bin/python3: `import uno` comes from python3-uno). Standard
library otherwise. A script puts the repository root on sys.path and then:

    from office import PDF, CalcOffice, recalculate, store

    with CalcOffice(oxt_path) as office:    # or CalcOffice(oxt_path, locale="de-DE")
        doc = office.load(path)             # or office.new_calc()
        bad = recalculate(doc)              # every formula; the cells showing an error
        store(doc, "out.pdf", PDF)

Modules:
  soffice.py       CalcOffice: a throwaway headless office on a private profile, the .oxt
                   installed with unopkg (as root: install.py), connected over a private pipe,
                   always stopped; it runs as the calling user, root included
  install.py       add_extension(): an .oxt installed through a running office's
                   ExtensionManager (root, whom unopkg refuses a user installation)
  calc.py          documents and cells: prop, file_url, store, col_name, range_a1, error_cells,
                   recalculate, used_range, cell_values, date_serial
"""
from .calc import (FLAT_ODS, ODS, PDF, cell_values, col_name, date_serial, error_cells,
                   file_url, prop, range_a1, recalculate, store, used_range)
from .soffice import CalcOffice, OfficeError

__all__ = ["FLAT_ODS", "ODS", "PDF", "cell_values", "col_name", "date_serial", "error_cells",
           "file_url", "prop", "range_a1", "recalculate", "store", "used_range", "CalcOffice",
           "OfficeError"]
