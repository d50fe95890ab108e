from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import permissions

SECTIONS = [
    ("organisations:list", _("Atlas")),
    ("organisations:map", _("Map")),
    ("taxonomy:index", _("Vocabularies")),
    ("geo:region_list", _("Regions")),
    ("analysis:overview", _("Analysis")),
    ("practices:list", _("Good practices")),
    ("plans:list", _("Action plans")),
    ("events:list", _("Events")),
    ("skills:index", _("Skills")),
    ("dataio:index", _("Data")),
]


def navigation(request):
    current = request.path
    urls = [(reverse(url_name), label) for url_name, label in SECTIONS]
    # The longest matching prefix wins, so /organisations/map/ highlights Map, not Atlas.
    matches = [url for url, _label in urls if current.startswith(url)]
    active = max(matches, key=len) if matches else None
    items = [{"url": url, "label": label, "active": url == active} for url, label in urls]
    return {
        "nav_items": items,
        "user_roles": permissions.role_names(getattr(request, "user", None)),
    }
