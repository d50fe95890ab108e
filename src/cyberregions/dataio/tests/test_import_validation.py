"""Checking the rows of an import: every bad cell is reported with its row, column and reason;
unknown columns are reported; nothing is silently dropped."""

from cyberregions.core.permissions import COMMAND_LINE
from cyberregions.dataio.readers import FileRefused
from cyberregions.testing import PersonaTestCase

from .files import BRETON, HEADER, RENNES, csv_bytes, errors_of, plan, xlsx_bytes


def row(**changes):
    """The Breton row with ``changes``; another name brings another website too."""
    values = dict(zip(HEADER, BRETON, strict=True))
    if "name" in changes:
        values["website"] = f"{abs(hash(changes['name']))}.example"
    values.update(changes)
    return [values[name] for name in HEADER]


class ImportValidationTests(PersonaTestCase):
    def check(self, *rows, header=None, region=None, actor=COMMAND_LINE):
        return plan(csv_bytes(list(rows), header=header), actor, region=region)

    def reasons(self, result) -> dict[tuple[int, str], str]:
        return {(error.row, error.column): error.reason for error in result.errors}

    def test_a_file_without_a_required_column_is_refused_naming_what_it_found(self):
        header = [name for name in HEADER if name != "country"]
        with self.assertRaises(FileRefused) as refusal:
            self.check(BRETON[:1] + BRETON[2:], header=header)
        message = str(refusal.exception.message)
        self.assertIn("country", message)
        self.assertIn("employees", message)  # the columns it found

    def test_a_column_named_twice_is_refused(self):
        with self.assertRaises(FileRefused):
            self.check(BRETON + ["FR"], header=[*HEADER, "Country"])

    def test_an_empty_required_cell_is_an_error_of_that_row(self):
        result = self.check(RENNES, row(name=""), row(name="Quimper Cyber", country=""))
        self.assertEqual(errors_of(result), {(3, "name"), (4, "country")})
        self.assertEqual([planned.row for planned in result.rows], [2])

    def test_numbers_must_be_numbers(self):
        header = [*HEADER, "turnover_eur", "founded", "latitude"]
        result = self.check(
            [*row(employees="twelve"), "", "", ""],
            [*row(name="B", employees="-3"), "", "", ""],
            [*row(name="C", employees="1,5"), "1.5 M", "", ""],
            [*row(name="D"), "", "1750", "91"],
            [*row(name="E", employees="1 200"), "2.500.000", "2015", "48,39"],
            header=header,
        )
        self.assertEqual(
            errors_of(result),
            {
                (2, "employees"),
                (3, "employees"),
                (4, "employees"),
                (4, "turnover_eur"),
                (5, "founded"),
                (5, "latitude"),
            },
        )
        self.assertIn("not a number", self.reasons(result)[(2, "employees")])
        self.assertIn("negative", self.reasons(result)[(3, "employees")])
        fields = result.rows[0].fields
        self.assertEqual(
            (fields["employees"], fields["turnover_eur"], fields["founded"], fields["latitude"]),
            (1200, 2_500_000, 2015, 48.39),
        )

    def test_terms_are_matched_by_code_or_label_in_any_case_and_unknown_ones_reported(self):
        header = [*HEADER, "sectors", "technologies"]
        result = self.check(
            [*row(domains="cry|Network and Distributed Systems"), "sec.ENERGY", "big data"],
            [*row(name="Bad Terms", domains="CRY|Quantum Magic|NOPE"), "", ""],
            header=header,
        )
        self.assertEqual(errors_of(result), {(3, "domains")})
        self.assertIn("Quantum Magic, NOPE", self.reasons(result)[(3, "domains")])
        tags = result.rows[0].tags
        self.assertEqual(len(tags["domains"]), 2)
        self.assertEqual(len(tags["sectors"]), 1)
        self.assertEqual(len(tags["technologies"]), 1)

    def test_unknown_country_and_region_and_a_region_of_another_country(self):
        result = self.check(
            row(country="XX"),
            row(name="B", region="ZZ99"),
            row(name="C", country="IT"),
            row(name="D", country="it", region="iti1"),
            row(name="E", country="GR", region=""),
            row(name="F", country="EL", region=""),
        )
        self.assertEqual(errors_of(result), {(2, "country"), (3, "region"), (4, "region")})
        self.assertIn("ISO 3166", self.reasons(result)[(2, "country")])
        self.assertIn("not in the country IT", self.reasons(result)[(4, "region")])
        self.assertEqual([planned.name for planned in result.rows], ["D", "E", "F"])

    def test_rows_must_stay_in_the_region_of_the_import(self):
        result = self.check(
            row(region=""),
            row(name="B", region="FRH01"),
            row(name="C", country="IT", region="ITI1"),
            region=self.brittany,
        )
        self.assertEqual(errors_of(result), {(4, "region")})
        self.assertIn("outside the region of this import", self.reasons(result)[(4, "region")])
        self.assertEqual(result.rows[0].fields["region_id"], self.brittany.pk)

    def test_a_coordinator_only_writes_into_the_regions_they_coordinate(self):
        result = self.check(
            row(), row(name="B", country="IT", region="ITI1"), actor=self.coordinator
        )
        self.assertEqual(errors_of(result), {(3, "region")})
        result = self.check(row(), actor=self.member)
        self.assertEqual(errors_of(result), {(2, "region")})

    def test_formulas_are_refused_in_csv_and_xlsx(self):
        result = self.check(
            row(name='=HYPERLINK("http://evil.example")'), row(name="B", city="=1+1")
        )
        self.assertEqual(errors_of(result), {(2, "name"), (3, "city")})
        self.assertIn("formula", self.reasons(result)[(2, "name")])
        workbook = xlsx_bytes([row(city="=SUM(A1:A2)"), row(name="+33 lab", city="-Brest-")])
        result = plan(workbook, COMMAND_LINE)
        self.assertEqual(errors_of(result), {(2, "city")})
        self.assertEqual(result.rows[0].fields["name"], "+33 lab")  # text, not a formula

    def test_neutralised_cells_of_an_export_come_back_as_they_were(self):
        result = self.check(row(name="'=Not a formula", city="'-Brest"))
        self.assertEqual(result.errors, [])
        self.assertEqual(result.rows[0].fields["name"], "=Not a formula")
        self.assertEqual(result.rows[0].fields["city"], "-Brest")

    def test_unknown_columns_are_reported_and_derived_ones_noted(self):
        result = self.check(
            [*BRETON, "x", "micro"], header=[*HEADER, "Favourite colour", "size_class"]
        )
        self.assertEqual(result.unknown_columns, ["Favourite colour"])
        self.assertEqual(result.ignored_columns, ["size_class"])
        self.assertEqual(result.errors, [])

    def test_other_cells_are_checked_too(self):
        header = [*HEADER, "core_business", "status"]
        result = self.check(
            [*row(website="not a site", actor_type="pirate"), "perhaps", "asleep"],
            [*row(name="x" * 201), "", ""],
            [*row(name="Fine", actor_type="Research and technology organisation"), "oui", ""],
            header=header,
        )
        self.assertEqual(
            errors_of(result),
            {(2, "website"), (2, "actor_type"), (2, "core_business"), (2, "status"), (3, "name")},
        )
        self.assertIn("sme", self.reasons(result)[(2, "actor_type")])  # lists the codes
        fields = result.rows[0].fields
        self.assertEqual((fields["actor_type"], fields["core_business"]), ("rto", True))
