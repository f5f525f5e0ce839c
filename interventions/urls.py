from django.urls import path

from interventions import views

app_name = "interventions"
urlpatterns = [
    path("", views.intervention_list, name="list"),
    path("<slug:slug>/", views.intervention_detail, name="detail"),
    path("voorbeeld/<int:pk>/", views.intervention_preview, name="preview"),
]
