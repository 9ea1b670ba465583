"""StreamField blocks for prose. Structured facts are model fields, never blocks."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        help_text = _("Een tussenkop (h2) binnen de tekst.")
        preview_value = "Wat andere regio's hiervan kunnen leren"


class ParagraphBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        help_text = _("Lopende tekst.")
        preview_value = "<p>Professionals uit zorg, recht en gemeente overleggen om de zes tot acht weken.</p>"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("citaat"))
    attribution = blocks.CharBlock(
        label=_("wie"), required=False, help_text=_("Bijvoorbeeld 'een participant uit de zorg'.")
    )

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        help_text = _("Een uitspraak, met (geanonimiseerd) wie het zei.")
        preview_value = {"text": "Je weet nu wie je moet bellen.", "attribution": "een participant uit de zorg"}


class ProseBlock(blocks.StreamBlock):
    heading = HeadingBlock(label=_("tussenkop"))
    paragraph = ParagraphBlock(label=_("alinea"))
    quote = QuoteBlock(label=_("citaat"))

    class Meta:
        label = _("tekst")
