from django.urls import path

from keuzehulp import views

app_name = "keuzehulp"
urlpatterns = [
    path("keuzehulp/", views.keuzehulp, name="form"),
    path("api/keuzehulp/", views.keuzehulp_api, name="api"),
    path("kwaliteitstoets/", views.kwaliteitstoets, name="kwaliteitstoets"),
]
