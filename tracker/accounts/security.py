"""Secure headers the settings cannot give: a Permissions-Policy for every response."""


class PermissionsPolicyMiddleware:
    """The site uses no camera, microphone, location or payment: say so, so no embedded page can."""

    POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.POLICY)
        return response


class AdminScriptPolicyMiddleware:
    """Wagtail's admin still writes some scripts inline (inline panels, date pickers), so the admin,
    and only the admin, may run inline scripts. Public pages keep `script-src 'self'`.

    Placed after django-csp's middleware, so the policy is adjusted before that one writes it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith("/admin/"):
            response._csp_update = {**(getattr(response, "_csp_update", None) or {}), "script-src": ["'unsafe-inline'"]}
        return response
