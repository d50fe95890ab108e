from django import forms
from django.utils.translation import gettext_lazy as _

from cyberregions.core import permissions
from cyberregions.geo.models import Region

from .readers import ENCODING_NAMES
from .services import MAX_UPLOAD_BYTES

ENCODING_CHOICES = [("", _("Recognise it"))] + [
    (code, name) for code, name in ENCODING_NAMES.items() if code != "utf-8-sig"
]


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("CSV (comma or semicolon) or Excel workbook (.xlsx), at most %(size)s MB.")
        % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)},
        widget=forms.ClearableFileInput(attrs={"class": "form-control"}),
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.none(),
        required=False,
        help_text=_("Rows without a region are placed here; rows of other regions are refused."),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    encoding = forms.ChoiceField(
        label=_("Text encoding of a CSV file"),
        choices=ENCODING_CHOICES,
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        regions = Region.objects.select_related("country").order_by("code")
        if permissions.is_admin(user):
            self.fields["region"].empty_label = _("None: every row names its region")
        else:
            regions = regions.filter(pk__in=permissions.coordinated_region_ids(user))
            self.fields["region"].required = True
            self.fields["region"].empty_label = None
        self.fields["region"].queryset = regions

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(limit)s MB; split it.")
                % {"limit": MAX_UPLOAD_BYTES // (1024 * 1024)}
            )
        return upload


class ImportConfirmForm(forms.Form):
    only_valid = forms.BooleanField(
        label=_("Import only the valid rows; leave out the rows with errors"),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )
