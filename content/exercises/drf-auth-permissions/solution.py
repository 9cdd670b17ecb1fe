# Django Interview Prep: Token authentication and object permissions in DRF
# Topic: Authentication and Permissions  (Django Prep: Open Topic shows the explanation)
# Run it: python3 drf_auth_permissions.py     Each numbered task below prints ✓ when it passes.
#
# A notes API: anyone with a valid token may read every note, but only its owner may change
# or delete it. Configure authentication and permissions on the ViewSet, write the object
# permission, set the owner on create, and add a login endpoint that returns a token.
# The checks call the API with APIClient and an "Authorization: Token <key>" header and
# look at the status codes: 401 (who are you?) versus 403 (you may not).

# {{django-setup}}

# {{task-runner}}

import logging

from django.contrib.auth.models import User
from django.db import models
from django.urls import include, path
from rest_framework import authentication, permissions, routers, serializers, viewsets
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.views import obtain_auth_token
from rest_framework.test import APIClient

logging.getLogger("django.request").setLevel(logging.CRITICAL)  # errors show up in the task list instead


class Note(models.Model):
    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notes")
    text = models.CharField(max_length=200)

    class Meta:
        app_label = "practice"


class NoteSerializer(serializers.ModelSerializer):
    owner = serializers.ReadOnlyField(source="owner.username")  # clients cannot set it

    class Meta:
        model = Note
        fields = ["id", "owner", "text"]


# TODO 3 (checked by tasks 3-4): Object-level permission: safe methods (GET, HEAD, OPTIONS) are allowed for
#         everyone; writes only when the note's owner is request.user.
class IsOwnerOrReadOnly(permissions.BasePermission):
    message = "Only the owner may change this note."

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        return obj.owner_id == request.user.id


class NoteViewSet(viewsets.ModelViewSet):
    queryset = Note.objects.select_related("owner").order_by("id")
    serializer_class = NoteSerializer
    # TODO 1: Authenticate with DRF tokens (TokenAuthentication), require a logged-in user
    #         for every request, and apply IsOwnerOrReadOnly to single notes.
    authentication_classes = [authentication.TokenAuthentication]  # first class sets WWW-Authenticate
    permission_classes = [permissions.IsAuthenticated, IsOwnerOrReadOnly]

    # TODO 2: A new note belongs to the user who sent the request.
    def perform_create(self, serializer):
        serializer.save(owner=self.request.user)


router = routers.DefaultRouter()
router.register("notes", NoteViewSet)

urlpatterns = [
    path("api/", include(router.urls)),
    # TODO 5: Let clients obtain a token: POST username + password to "api/token/"
    #         and get {"token": "<key>"} back (DRF ships a view for exactly this).
    path("api/token/", obtain_auth_token),
]

# {{checks}}
