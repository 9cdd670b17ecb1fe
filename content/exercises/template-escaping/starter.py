# Django Interview Prep: Server-side rendering without XSS: escaping in Django templates
# Topic: Security: CSRF, XSS, SQL Injection, Clickjacking  (Django Prep: Open Topic shows the explanation)
# Run it: python3 template_escaping.py     Each numbered task below prints ✓ when it passes.
#
# A profile page rendered on the server from text its owner typed. Django's templates escape
# every {{ variable }} for HTML text and quoted attributes; XSS comes back through the exits:
# |safe or mark_safe on user input, an unquoted attribute, a javascript: link, HTML built in
# Python with f-strings, data pasted into a <script>, and a filter that marks text safe
# without escaping it. The checks save a profile full of hostile input, request the page
# with the test client and parse the HTML with html.parser, as a browser would: which
# elements and attributes exist, and what text a reader sees.

TEMPLATE_SOURCES = {}  # template name -> source; in a project, files under templates/ (filled below)
PRACTICE_SETTINGS = {"TEMPLATES": [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "OPTIONS": {
        "loaders": [("django.template.loaders.locmem.Loader", TEMPLATE_SOURCES)],
        "libraries": {"profile_extras": __name__},  # {% load profile_extras %}: the filter below
        "context_processors": ["django.template.context_processors.request"],
    },
}]}

# {{django-setup}}

# {{task-runner}}

import json
import logging
from urllib.parse import urlsplit

from django import template
from django.db import models
from django.shortcuts import get_object_or_404, render
from django.urls import path
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()


class Profile(models.Model):
    display_name = models.CharField(max_length=100)
    headline = models.CharField(max_length=100, blank=True)
    bio = models.TextField(blank=True)
    website = models.CharField(max_length=200, blank=True)  # whatever the user typed

    class Meta:
        app_label = "practice"


# TODO 1: Show the name and the bio as text. Autoescaping is on by default: do not switch
#         it off with |safe or {% autoescape off %}. linebreaksbr still turns line breaks into
#         <br>, and escapes the rest for you while autoescaping is on.
# TODO 2: An attribute value must be in quotes: escaping turns < > & ' " into entities but
#         leaves spaces, so an unquoted value={{ x }} lets "a onfocus=..." add attributes.
TEMPLATE_SOURCES["profile.html"] = """{% load profile_extras %}<!doctype html>
<html>
<head><title>{{ profile.display_name }}</title></head>
<body>
  <h1>{{ profile.display_name|safe }}</h1>
  {{ badge }}
  {% autoescape off %}<div class="bio">{{ profile.bio|highlight:q|linebreaksbr }}</div>{% endautoescape %}
  {% if website %}<a class="website" href="{{ website }}" rel="nofollow noopener">Website</a>{% endif %}
  <form method="post">{% csrf_token %}
    <input type="text" name="display_name" value={{ profile.display_name }}>
  </form>
  <script>const PROFILE = {{ profile_json|safe }};</script>
  <script src="/static/profile.js" defer></script>
</body>
</html>
"""


# TODO 3: safe_url(url) returns the URL when its scheme is http or https, else "". Escaping
#         cannot help here: href="javascript:alert(1)" contains nothing to escape. Allow known
#         schemes rather than block bad ones (browsers ignore case, spaces and tabs in them).
def safe_url(url):
    return "" if url.lower().startswith("javascript:") else url


# TODO 4: badge_html(label, level) returns <span class="badge badge-LEVEL">LABEL</span> as
#         safe HTML. mark_safe(f"...{label}...") would trust the label: format_html escapes
#         each argument and marks only the result safe, so the template keeps it as HTML.
def badge_html(label, level):
    return mark_safe(f'<span class="badge badge-{level}">{label}</span>')


# TODO 6: highlight wraps each occurrence of term in <mark>...</mark>. It returns HTML, so it
#         must escape the user's text itself before marking the result safe: escape the
#         pieces between the matches, not the finished string.
@register.filter(needs_autoescape=True)
def highlight(text, term, autoescape=True):
    if not term:
        return text
    return mark_safe(str(text).replace(term, f"<mark>{term}</mark>"))


# TODO 5: The page's script needs the profile as data. Pasting JSON into <script> with |safe
#         lets "</script>" in the bio end the script early. Pass the dict itself and render
#         it with {{ profile_data|json_script:"profile-data" }}: a <script type=
#         "application/json"> whose < > & are escaped; the script reads it with JSON.parse.
def profile_page(request, pk):
    profile = get_object_or_404(Profile, pk=pk)
    return render(request, "profile.html", {
        "profile": profile,
        "q": request.GET.get("q", ""),
        "badge": badge_html(profile.headline, "member") if profile.headline else "",
        "website": safe_url(profile.website),
        "profile_json": json.dumps({"id": profile.pk, "name": profile.display_name, "bio": profile.bio}),
    })


urlpatterns = [path("profiles/<int:pk>/", profile_page)]
logging.getLogger("django.request").setLevel(logging.CRITICAL)  # errors show up in the task list instead

# {{checks}}
