from django.urls import path

from tracker.api.downloads import views

app_name = "data"
urlpatterns = [
    path("", views.data_index, name="index"),
    path("<str:name>", views.data_file, name="file"),
]
