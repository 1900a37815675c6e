"""Optional two-factor sign-in for the admin, with django-otp's time-based codes (TOTP).

An editor turns it on from their account menu ("Two-factor sign-in"): they scan a QR code with an
authenticator app and confirm with one code. From then on, after the password, the admin asks for a
current code before showing anything. Editors who never turn it on sign in as before."""

from io import BytesIO

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image

DEVICE_NAME = "Authenticator app"
# What an editor who still has to give a code may open.
OPEN_BEFORE_CODE = {
    "tracker_two_factor_verify",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
}


class TwoFactorMiddleware:
    """After the password, editors with an authenticator app must give a code before using the admin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_give_code(request):
            return redirect(f"{reverse('tracker_two_factor_verify')}?next={request.get_full_path()}")
        return self.get_response(request)

    def _must_give_code(self, request):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return False
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return False
        match = request.resolver_match or _resolve(request.path_info)
        if match is not None and match.url_name in OPEN_BEFORE_CODE:
            return False
        return user_has_device(user, confirmed=True)


def _resolve(path_info):
    from django.urls import Resolver404, resolve

    try:
        return resolve(path_info)
    except Resolver404:
        return None


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = self.cleaned_data["code"].replace(" ", "")
        if self.device is None or not self.device.verify_token(code):
            raise forms.ValidationError(_("That code is not right or has expired. Enter the code the app shows now."))
        return code


def _confirmed_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def _pending_device(user):
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request):
    """The second step of signing in."""
    device = _confirmed_device(request.user)
    form = CodeForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        target = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
            target = reverse("wagtailadmin_home")
        return redirect(target)
    return render(request, "tracker/two_factor/verify.html", {"form": form})


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request):
    """Turn two-factor sign-in on (scan, then confirm with a code) or off (confirm with a code)."""
    confirmed = _confirmed_device(request.user)
    device = confirmed or _pending_device(request.user)
    form = CodeForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        if confirmed:
            confirmed.delete()
            messages.success(request, _("Two-factor sign-in is off."))
        else:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, _("Two-factor sign-in is on: from now on the admin asks for a code."))
        return redirect("tracker_two_factor")
    return render(
        request,
        "tracker/two_factor/manage.html",
        {"form": form, "enabled": confirmed is not None, "secret": None if confirmed else _spaced(device)},
    )


@never_cache
def qr_code(request):
    device = TOTPDevice.objects.devices_for_user(request.user, confirmed=False).first()
    if device is None:
        return HttpResponse(status=404)
    out = BytesIO()
    write_qrcode_image(device.config_url, out)
    return HttpResponse(out.getvalue(), content_type="image/svg+xml")


def _spaced(device):
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


urlpatterns = [
    path("two-factor/", manage, name="tracker_two_factor"),
    path("two-factor/verify/", verify, name="tracker_two_factor_verify"),
    path("two-factor/qr.svg", qr_code, name="tracker_two_factor_qr"),
]
