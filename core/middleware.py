import uuid

from core.audit import current_request_id


class RequestIdMiddleware:
    """Tags each request with an id that audit rows carry, to group one request's changes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request.headers.get("X-Request-Id") or uuid.uuid4().hex
        token = current_request_id.set(request_id[:36])
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response["X-Request-Id"] = request_id[:36]
        return response
