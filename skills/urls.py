app_name = "skills"

urlpatterns = []
