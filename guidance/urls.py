from django.urls import path

from guidance import views

app_name = "guidance"
urlpatterns = [
    path("", views.home, name="home"),
    path("handreiking/<slug:slug>/", views.page_detail, name="page"),
    path("voorbeeld/pagina/<int:pk>/", views.page_preview, name="preview"),
    path("zoeken/", views.search, name="search"),
    path("functie/", views.role_answer, name="role"),
    path("functie/bedankt/", views.role_thanks, name="role_thanks"),
    path("handreiking/<slug:section>/<slug:slug>/", views.page_detail, name="subpage"),
]
