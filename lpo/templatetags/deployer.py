from django import template

from lpo.deployer import missing_settings

register = template.Library()


@register.simple_tag
def missing_deployer_settings():
    return missing_settings()
