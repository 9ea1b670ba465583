"""What every public page's layout needs from the settings."""

from django.conf import settings


def platform(request):
    # Who runs the platform is the operator's to say (PLATFORM_OWNER): the study behind the starting content names
    # only who commissioned the study (§1.1, §3.4), not who owns this site.
    return {"platform_owner": settings.PLATFORM_OWNER}
