using System.Net.Http.Json;
using System.Text.Json;
using Kasify.Api.Tests.Infrastructure;

namespace Kasify.Api.Tests.OpenApi;

[Collection(ApiCollection.Name)]
public sealed class EndpointCatalogTests(KasifyApiFactory factory)
{
    // Summaries are the reference's operation titles (the longer sidebar wording where it shows two); operations the
    // reference does not list read like their neighbours.
    public static TheoryData<string, string, string, string> Operations => new()
    {
        { "post", "/v1/auth/register", "Auth", "Register the authenticated user" },
        { "get", "/v1/account", "Account", "Get the user's account" },
        { "put", "/v1/account", "Account", "Update the user's account" },
        { "get", "/v1/account/tokens", "ApiTokens", "List API tokens" },
        { "post", "/v1/account/tokens", "ApiTokens", "Create API token" },
        { "delete", "/v1/account/tokens/{id}", "ApiTokens", "Revoke API token" },
        { "get", "/v1/users", "Users", "List every user (admin only)" },
        { "get", "/v1/properties", "Properties", "List properties accessible to the caller" },
        { "post", "/v1/properties", "Properties", "Create a property" },
        { "get", "/v1/properties/{id}", "Properties", "Get a property by id" },
        { "put", "/v1/properties/{id}", "Properties", "Update a property" },
        { "patch", "/v1/properties/{id}", "Properties", "Partially update property" },
        { "delete", "/v1/properties/{id}", "Properties", "Delete a property" },
        { "post", "/v1/properties/{id}/cover-image", "Properties", "Upload a cover image for a property" },
        { "get", "/v1/properties/{id}/cover-image", "Properties", "Get the cover image for a property" },
        { "delete", "/v1/properties/{id}/cover-image", "Properties", "Remove the cover image for a property" },
        { "post", "/v1/properties/{id}/bookings", "Bookings", "Create a booking for a property" },
        { "get", "/v1/properties/{id}/bookings", "Bookings", "List bookings for a property" },
        { "get", "/v1/properties/{id}/bookings/current", "Bookings", "Get the current booking for a property" },
        { "get", "/v1/bookings", "Bookings", "List bookings across all properties the caller can access" },
        { "get", "/v1/bookings/{id}", "Bookings", "Get a booking by id" },
        { "patch", "/v1/bookings/{id}", "Bookings", "Update a booking" },
        { "get", "/v1/properties/{id}/calendar", "Calendar", "List calendar events for a property" },
        { "get", "/v1/calendar", "Calendar", "List upcoming calendar events across accessible properties" },
        { "get", "/v1/timeline/upcoming", "Timeline", "List upcoming arrivals and departures grouped by day" },
        { "get", "/v1/timeline/activity", "Timeline", "List recent activity on the caller's properties" },
        { "get", "/v1/guests", "Guests", "List guests registered under the caller's account" },
        { "get", "/v1/integrations", "Integrations", "List all integrations configured for the account" },
        { "get", "/v1/integrations/{integration}", "Integrations", "List integrations of a specific type" },
        { "post", "/v1/integrations/{integration}", "Integrations", "Create an integration of a specific type" },
        { "put", "/v1/integrations/{integration}/{id}", "Integrations", "Update an integration" },
        { "delete", "/v1/integrations/{integration}/{id}", "Integrations", "Delete an integration" },
        { "get", "/v1/integrations/nuki/{id}/smartlocks", "Integrations", "List Nuki smart locks reachable through an integration" },
        { "get", "/v1/integrations/unifi/{id}/smartlocks", "Integrations", "List Unifi doors reachable through an integration" },
        { "get", "/v1/properties/{id}/smartlocks", "SmartLocks", "List smart locks for a property with live status" },
        { "post", "/v1/properties/{id}/smartlocks", "SmartLocks", "Add a smart lock to a property" },
        { "delete", "/v1/properties/{id}/smartlocks/{smartlockId}", "SmartLocks", "Remove a smart lock from a property" },
        { "get", "/v1/bookings/{id}/readiness", "Bookings", "Get the readiness of a booking's arrival" },
        { "get", "/v1/properties/{id}/readiness", "Properties", "List the readiness of a property's upcoming arrivals" },
        { "post", "/v1/bookings/{id}/accesscode", "AccessCodes", "Create digital access codes for a booking" },
        { "get", "/v1/bookings/{id}/accesscode", "AccessCodes", "List digital access codes for a booking" },
        { "delete", "/v1/bookings/{id}/accesscode/{code_id}", "AccessCodes", "Revoke a digital access code" },
        { "post", "/v1/bookings/{id}/accesscode/{code_id}/rotate", "AccessCodes", "Rotate a digital access code" },
        { "get", "/v1/properties/{id}/invitations", "PropertyMembers", "List invitations for a property" },
        { "post", "/v1/properties/{id}/invitations", "PropertyMembers", "Create a crew invitation for a property" },
        { "delete", "/v1/properties/{id}/invitations/{invitationId}", "PropertyMembers", "Revoke an invitation" },
        { "post", "/v1/invitations/{token}/accept", "PropertyMembers", "Accept a crew invitation" },
        { "get", "/v1/properties/{id}/crew", "PropertyMembers", "List crew members for a property" },
        { "patch", "/v1/properties/{id}/crew/{userId}", "PropertyMembers", "Update a crew member's access level" },
        { "delete", "/v1/properties/{id}/crew/{userId}", "PropertyMembers", "Remove a crew member from a property" },
        { "get", "/v1/tasks", "Tasks", "List tasks" },
        { "post", "/v1/tasks", "Tasks", "Create a task" },
        { "get", "/v1/tasks/{id}", "Tasks", "Get a task by id" },
        { "patch", "/v1/tasks/{id}", "Tasks", "Update a task" },
        { "delete", "/v1/tasks/{id}", "Tasks", "Delete a task" },
        { "post", "/v1/tasks/{id}/start", "Tasks", "Start a task" },
        { "post", "/v1/tasks/{id}/complete", "Tasks", "Complete a task" },
        { "get", "/v1/properties/{id}/tasks", "Tasks", "List tasks for a property" },
        { "get", "/v1/properties/{id}/calendars", "Channels", "List a property's channel calendars with their sync status" },
        { "post", "/v1/properties/{id}/calendars/{channel}/sync", "Channels", "Sync a property's channel calendar now" },
        { "post", "/v1/properties/{id}/calendars", "Channels", "Add a channel calendar to a property" },
        { "delete", "/v1/properties/{id}/calendars/{calendarId}", "Channels", "Remove a channel calendar from a property" },
        { "patch", "/v1/properties/{id}/calendars/{calendarId}", "Channels", "Change how a channel calendar's events read" },
        { "get", "/v1/properties/{id}/channels", "Channels", "Show a property's channels: imports, export fetches and unseen bookings" },
        { "post", "/v1/properties/{id}/channels/export-token", "Channels", "Replace a property's export calendar URL" },
    };

    public static TheoryData<string, string, string, string> AnonymousOperations => new()
    {
        { "get", "/v1/checkin/{code}", "Checkin", "Get the guest check-in snapshot for a booking" },
        { "post", "/v1/checkin/{code}/guests", "Checkin", "Register a guest on a booking" },
        { "put", "/v1/checkin/{code}/guests/{guestId}", "Checkin", "Correct a registered guest" },
        { "get", "/v1/tasks/public/{token}", "Tasks", "Get a task by public token" },
        { "get", "/v1/geo/countries", "Geo", "Search countries" },
        { "get", "/v1/geo/provinces", "Geo", "Search provinces" },
        { "get", "/v1/geo/cities", "Geo", "Search cities" },
        { "get", "/v1/calendars/{token}.ics", "Channels", "Get a property's export calendar" },
    };

    [Fact]
    public async Task TheCatalogueListsEveryDocumentedOperation()
    {
        using var client = factory.CreateClient();

        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi.json")).GetProperty("paths");

        var documented = paths.EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(item => item.Name != "parameters").Select(method => $"{method.Name} {path.Name}"))
            .Order(StringComparer.Ordinal);
        var catalogued = Operations.Concat(AnonymousOperations).Select(row => $"{row[0]} {row[1]}").Order(StringComparer.Ordinal);
        Assert.Equal(catalogued, documented);
    }

    [Theory]
    [MemberData(nameof(AnonymousOperations))]
    public async Task PublicOperationsDeclareAnEmptySecurityRequirement(string method, string path, string tag, string summary)
    {
        using var client = factory.CreateClient();

        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi.json")).GetProperty("paths");

        var operation = paths.GetProperty(path).GetProperty(method);
        Assert.Equal(tag, Assert.Single(operation.GetProperty("tags").EnumerateArray()).GetString());
        Assert.Equal(summary, operation.GetProperty("summary").GetString());
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("operationId").GetString()));
        // An empty list says "no credentials"; an absent one says nothing (the lint's security-defined rule).
        Assert.True(operation.TryGetProperty("security", out var security), operation.ToString());
        Assert.Equal(0, security.GetArrayLength());
        Assert.False(operation.GetProperty("responses").TryGetProperty("401", out _), operation.ToString());
    }

    [Fact]
    public async Task CheckinSchemasUseTheReferenceFieldNames()
    {
        using var client = factory.CreateClient();

        var schemas = (await client.GetFromJsonAsync<JsonElement>("/openapi.json")).GetProperty("components").GetProperty("schemas");

        Assert.Equal(
            ["first_name", "last_name", "nationality_country_code", "date_of_birth", "sex", "second_last_name", "document_type", "document_number",
             "document_support_number", "residence_address", "residence_country_code", "residence_province_id", "residence_city_id",
             "residence_city", "residence_postal_code", "phone_prefix", "phone", "email", "relationship_code"],
            schemas.GetProperty("GuestRegistrationRequest").GetProperty("properties").EnumerateObject().Select(field => field.Name));
        Assert.Equal(
            ["property", "from", "to", "guests_number", "booking_code", "guests", "checkin_completed", "checkin_closed", "has_minors", "missing_data"],
            schemas.GetProperty("CheckinSnapshotResponse").GetProperty("properties").EnumerateObject().Select(field => field.Name));
        Assert.Equal(
            ["guest_id", "field", "code", "message"],
            schemas.GetProperty("CheckinRequirementResponse").GetProperty("properties").EnumerateObject().Select(field => field.Name));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task TheDocumentDescribesEveryOperationWithTagSummaryAndBearerSecurity(string method, string path, string tag, string summary)
    {
        using var client = factory.CreateClient();

        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi.json")).GetProperty("paths");

        var operation = paths.GetProperty(path).GetProperty(method);
        Assert.Equal(tag, Assert.Single(operation.GetProperty("tags").EnumerateArray()).GetString());
        Assert.Equal(summary, operation.GetProperty("summary").GetString());
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("operationId").GetString()));
        var requirement = Assert.Single(operation.GetProperty("security").EnumerateArray());
        Assert.Equal(["bearer"], requirement.EnumerateObject().Select(scheme => scheme.Name));
    }

    [Theory]
    [InlineData("post", "/v1/properties", "application/json", "PropertyRequest")]
    [InlineData("put", "/v1/properties/{id}", "application/json", "PropertyRequest")]
    [InlineData("patch", "/v1/properties/{id}", "application/merge-patch+json", "PropertyPatchRequest")]
    [InlineData("post", "/v1/account/tokens", "application/json", "CreateAccessTokenRequest")]
    [InlineData("put", "/v1/account", "application/json", "UpdateAccountRequest")]
    [InlineData("post", "/v1/properties/{id}/bookings", "application/json", "BookingRequest")]
    [InlineData("patch", "/v1/bookings/{id}", "application/merge-patch+json", "BookingPatchRequest")]
    [InlineData("post", "/v1/checkin/{code}/guests", "application/json", "GuestRegistrationRequest")]
    [InlineData("put", "/v1/checkin/{code}/guests/{guestId}", "application/json", "GuestRegistrationRequest")]
    [InlineData("post", "/v1/properties/{id}/smartlocks", "application/json", "AddSmartLockRequest")]
    [InlineData("post", "/v1/properties/{id}/invitations", "application/json", "CreateInvitationRequest")]
    [InlineData("patch", "/v1/properties/{id}/crew/{userId}", "application/json", "UpdateCrewMemberRequest")]
    public async Task RequestBodiesAreDescribed(string method, string path, string contentType, string schema)
    {
        using var client = factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi.json");

        var body = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("requestBody").GetProperty("content");
        var reference = body.GetProperty(contentType).GetProperty("schema").GetProperty("$ref").GetString();
        Assert.Equal("#/components/schemas/" + schema, reference);
        Assert.True(document.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("properties").EnumerateObject().Any());
    }

    [Theory]
    [InlineData("post", "/v1/integrations/{integration}")]
    [InlineData("put", "/v1/integrations/{integration}/{id}")]
    public async Task IntegrationBodiesAreDescribedOnePerType(string method, string path)
    {
        using var client = factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi.json");

        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);
        var schema = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Equal(
            ["#/components/schemas/NukiIntegrationRequest", "#/components/schemas/UnifiIntegrationRequest", "#/components/schemas/SesHospedajesIntegrationRequest"],
            schema.GetProperty("oneOf").EnumerateArray().Select(item => item.GetProperty("$ref").GetString()));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.Equal(["name", "token"], schemas.GetProperty("NukiIntegrationRequest").GetProperty("properties").EnumerateObject().Select(field => field.Name));
        Assert.Equal(
            ["name", "url", "api_token", "certificate_sha256"],
            schemas.GetProperty("UnifiIntegrationRequest").GetProperty("properties").EnumerateObject().Select(field => field.Name));
        Assert.Equal(
            ["name", "arrendador_code", "username", "password", "environment", "application_name"],
            schemas.GetProperty("SesHospedajesIntegrationRequest").GetProperty("properties").EnumerateObject().Select(field => field.Name));
        var slug = operation.GetProperty("parameters").EnumerateArray().Single(parameter => parameter.GetProperty("name").GetString() == "integration");
        Assert.Equal(["nuki", "unifi", "ses_hospedajes"], slug.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(value => value.GetString()));
    }

    [Fact]
    public async Task TheSesIntegrationItemIsDescribedWithoutItsPassword()
    {
        using var client = factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi.json");

        var schemas = document.GetProperty("components").GetProperty("schemas");
        var items = schemas.EnumerateObject()
            .Where(schema => schema.Name != "SesHospedajesIntegrationRequest"
                && schema.Value.TryGetProperty("properties", out var properties) && properties.TryGetProperty("arrendador_code", out _))
            .ToList();
        var item = Assert.Single(items).Value.GetProperty("properties");
        Assert.False(item.TryGetProperty("password", out _), item.ToString());
        Assert.True(item.TryGetProperty("token_hint", out _), item.ToString());
        Assert.True(item.TryGetProperty("application_name", out _), item.ToString());
        var environment = item.GetProperty("environment");
        if (environment.TryGetProperty("$ref", out var reference))
        {
            environment = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        Assert.Equal(["test", "production"], environment.GetProperty("enum").EnumerateArray().Select(value => value.GetString()));
    }

    [Fact]
    public async Task TheGuestRegistrationBodyIsDescribed()
    {
        using var client = factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi.json");

        var body = document.GetProperty("paths").GetProperty("/v1/checkin/{code}/guests").GetProperty("post").GetProperty("requestBody");
        var schema = body.GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var properties = schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]).GetProperty("properties")
            : schema.GetProperty("properties");
        Assert.True(properties.TryGetProperty("document_support_number", out _), properties.ToString());
        Assert.True(properties.TryGetProperty("relationship_code", out _));
    }

    [Fact]
    public async Task TheCoverImageUploadIsDescribedAsAMultipartFile()
    {
        using var client = factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi.json");

        var body = document.GetProperty("paths").GetProperty("/v1/properties/{id}/cover-image").GetProperty("post").GetProperty("requestBody");
        Assert.True(body.GetProperty("content").TryGetProperty("multipart/form-data", out _), body.ToString());
    }

    [Fact]
    public async Task TheCoverImageDownloadIsDescribedAsAnImage()
    {
        using var client = factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi.json");

        var content = document.GetProperty("paths").GetProperty("/v1/properties/{id}/cover-image").GetProperty("get")
            .GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.Equal(["image/jpeg", "image/png", "image/webp"], content.EnumerateObject().Select(type => type.Name));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.All(content.EnumerateObject(), type =>
        {
            var schema = type.Value.GetProperty("schema");
            if (schema.TryGetProperty("$ref", out var reference))
            {
                schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
            }

            Assert.Equal("binary", schema.GetProperty("format").GetString());
        });
    }

    [Fact]
    public async Task RootAliasesAreServedButNotDocumentedTwice()
    {
        using var client = factory.CreateClient();

        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi.json")).GetProperty("paths");

        Assert.False(paths.TryGetProperty("/properties", out _));
        Assert.True(paths.TryGetProperty("/v1/properties", out _));
    }

    [Fact]
    public async Task PropertySchemasUseTheReferenceFieldNames()
    {
        using var client = factory.CreateClient();

        var schemas = (await client.GetFromJsonAsync<JsonElement>("/openapi.json")).GetProperty("components").GetProperty("schemas");

        var response = schemas.GetProperty("PropertyResponse").GetProperty("properties");
        foreach (var field in new[] { "name", "id", "account_id", "zip_code", "country_code", "checkin_time", "ses_establishment_code", "has_internet", "rooms_count", "cover_image_url", "role" })
        {
            Assert.True(response.TryGetProperty(field, out _), $"PropertyResponse lacks {field}");
        }

        Assert.Contains("name", schemas.GetProperty("PropertyRequest").GetProperty("required").EnumerateArray().Select(item => item.GetString()));
    }

    [Theory]
    [InlineData("/v1/bookings", new[] { "page", "size", "from", "to", "channel", "query", "sortBy", "sortDescending", "propertyId" })]
    [InlineData("/v1/properties/{id}/bookings", new[] { "id", "page", "size", "from", "to", "channel", "query", "sortBy", "sortDescending" })]
    public async Task BookingListsTakeTheReferencesQueryParameters(string path, string[] parameters)
    {
        using var client = factory.CreateClient();

        var operation = (await client.GetFromJsonAsync<JsonElement>("/openapi.json")).GetProperty("paths").GetProperty(path).GetProperty("get");

        var declared = operation.GetProperty("parameters").EnumerateArray().ToDictionary(parameter => parameter.GetProperty("name").GetString()!);
        Assert.Equal(parameters.Order(), declared.Keys.Order());
        Assert.Equal(["CHECKIN", "CHECKOUT"], declared["sortBy"].GetProperty("schema").GetProperty("enum").EnumerateArray().Select(value => value.GetString()));
        Assert.Equal("date", declared["from"].GetProperty("schema").GetProperty("format").GetString());
        Assert.Contains("vrbo", declared["channel"].GetProperty("schema").GetProperty("enum").EnumerateArray().Select(value => value.GetString()));
    }

    [Fact]
    public async Task TheBookingSchemaUsesTheReferenceFieldsAndSesPaymentCodes()
    {
        using var client = factory.CreateClient();

        var schemas = (await client.GetFromJsonAsync<JsonElement>("/openapi.json")).GetProperty("components").GetProperty("schemas");

        var response = schemas.GetProperty("BookingResponse").GetProperty("properties");
        foreach (var field in new[] { "id", "from", "to", "channel", "channel_id", "checkin_code", "status", "created_at", "payment_type", "guest_first_name", "adults_count", "arrival_time", "checkin_completed_at", "last_sync_at", "ses_submitted_at", "ses_batch_id", "ses_last_attempt_at", "ses_last_error", "ses_status", "ses_missing_fields", "guests_number", "arrival_at" })
        {
            Assert.True(response.TryGetProperty(field, out _), $"BookingResponse lacks {field}");
        }

        Assert.True(schemas.GetProperty("SesCommunicationResponse").GetProperty("properties").TryGetProperty("missing_fields", out _));
        Assert.True(schemas.GetProperty("SesGuestResultResponse").GetProperty("properties").TryGetProperty("missing_fields", out _));
        var document = schemas.ToString();
        Assert.Contains("\"incomplete\"", document, StringComparison.Ordinal);
        Assert.Contains("\"ses_incomplete\"", document, StringComparison.Ordinal);
        Assert.Contains("\"TARJT\"", document, StringComparison.Ordinal);
        Assert.Contains("\"airbnb\"", document, StringComparison.Ordinal);
        Assert.Contains("\"cancelled\"", document, StringComparison.Ordinal);
    }
}
