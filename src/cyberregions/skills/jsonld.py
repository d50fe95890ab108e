"""schema.org ``Course`` descriptions of courses (JSON-LD), for the course page and the open
data. Written into a ``<script type="application/ld+json">`` data block, which the Content
Security Policy allows since browsers never run it; ``dumps`` escapes ``<``, ``>`` and ``&``
as ``json_script`` does, so a title cannot close the block."""

from __future__ import annotations

import json

from .choices import Mode

ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
COURSE_MODES = {Mode.ON_SITE: "Onsite", Mode.ONLINE: "Online", Mode.BLENDED: "Blended"}


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True).translate(ESCAPES)


def course(course, request=None) -> dict:
    url = course.get_absolute_url()
    targets = getattr(course, "target_list", None)
    if targets is None:
        targets = course.targets.select_related("profile")
    if request is not None:
        url = request.build_absolute_uri(url)
    data = {
        "@context": "https://schema.org",
        "@type": "Course",
        "name": course.title,
        "description": course.description or course.title,
        "url": url,
        "provider": {
            "@type": "Organization",
            "name": course.provider.name,
            **({"sameAs": course.provider.website} if course.provider.website else {}),
        },
        "educationalLevel": f"EQF {course.eqf_level}",
        "inLanguage": list(course.languages or []),
        "teaches": [target.profile.label for target in targets],
        "isAccessibleForFree": course.cost_band == "free",
        "hasCourseInstance": [
            {
                "@type": "CourseInstance",
                "courseMode": COURSE_MODES.get(course.mode, course.mode),
                "startDate": start,
                **({"location": course.city} if course.city else {}),
            }
            for start in (course.start_dates or [])
        ],
    }
    if course.ects:
        data["numberOfCredits"] = course.ects
    if course.certification:
        data["educationalCredentialAwarded"] = course.certification
    return data
