"""Editorial pages (about, methodology) edited as Wagtail pages."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class MethodologyPage(Page):
    intro = models.TextField(blank=True)
    body = RichTextField(blank=True)

    template = "pages/methodology_page.html"
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
