app_name = "innovation"

urlpatterns = []
