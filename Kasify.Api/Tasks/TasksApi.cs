using System.ComponentModel;
using System.Security.Claims;
using Kasify.Api.Common;
using Kasify.Api.Errors;
using Kasify.Api.Identity;
using Kasify.Api.RateLimiting;
using Kasify.Api.Validation;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Identity;
using Kasify.Grains.Interfaces.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Kasify.Api.Tasks;

/// <summary>
/// Crew tasks. A task id is resolved to its property through the task grain, and the property grain decides what the
/// caller may see and do; the public link resolves its token through the token index.
/// </summary>
internal static class TasksApi
{
    private const string RolesNote =
        " Owners and managers see every task; staff see tasks assigned to them in full and others as a stripped item (id, from, "
        + "to, property); contractors see only tasks assigned to them. booking_id, created_at and cancelled_at are for the owner only.";

    // Tokens Kasify generates are 24 characters; anything much longer is not worth a grain look-up.
    private const int MaxTokenLength = 64;

    public static void MapTasksApi(this RouteGroupBuilder routes)
    {
        var tasks = routes.MapGroup("/tasks").WithTags("Tasks").AddEndpointFilter<RequestValidationFilter>();
        tasks.MapGet("", ListTasksAsync)
            .WithName("ListTasks")
            .WithSummary("List tasks")
            .WithDescription(
                "Paginated tasks by start. Without property_id: tasks of the properties the caller owns plus tasks assigned to the "
                + "caller; with it, the tasks of that property the caller may see. Cancelled tasks only with include_cancelled=true." + RolesNote)
            .AddOpenApiOperationTransformer(DescribeListParameters)
            .Produces<PageResponse<TaskResponse>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        tasks.MapPost("", CreateTaskAsync)
            .WithName("CreateTask")
            .WithSummary("Create a task")
            .WithDescription("Owner or manager. The task starts pending; assigned_to must be a member of the property's team. A property keeps at most 10,000 tasks besides those that ended more than 90 days ago (409 task.limit).")
            .Produces<TaskResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        tasks.MapGet("/{id:guid}", GetTaskAsync)
            .WithName("GetTask")
            .WithSummary("Get a task by id")
            .WithDescription("A task the caller may see; cleaning tasks carry next_booking (dates and guest count only)." + RolesNote)
            .Produces<TaskResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        tasks.MapPatch("/{id:guid}", UpdateTaskAsync)
            .WithName("UpdateTask")
            .WithSummary("Update a task")
            .WithDescription(
                "JSON merge patch. Owners may change every field; managers and the assigned crew member only job_report; any other "
                + "crew member gets 403 task.forbidden. Status changes follow the lifecycle (409 task.state).")
            .Accepts<TaskPatchRequest>("application/merge-patch+json", "application/json")
            .Produces<TaskResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        tasks.MapDelete("/{id:guid}", DeleteTaskAsync)
            .WithName("DeleteTask")
            .WithSummary("Delete a task")
            .WithDescription(
                "Owner only. Cancels the task (status cancelled, cancelled_at set); it stays listable with include_cancelled. A "
                + "completed task cannot be cancelled (409 task.state).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        tasks.MapPost("/{id:guid}/start", StartTaskAsync)
            .WithName("StartTask")
            .WithSummary("Start a task")
            .WithDescription("The assigned crew member or the owner; the task must be pending (else 409 task.state). Sets started_at.")
            .Produces<TaskResponse>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        tasks.MapPost("/{id:guid}/complete", CompleteTaskAsync)
            .WithName("CompleteTask")
            .WithSummary("Complete a task")
            .WithDescription(
                "The assigned crew member, a manager or the owner; the task must be in_progress (else 409 task.state). An optional "
                + "job_report is stored. Sets completed_at.")
            .Produces<TaskResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        routes.MapGet("/tasks/public/{token}", GetPublicTaskAsync)
            .WithTags("Tasks")
            .WithName("GetTaskByPublicToken")
            .WithSummary("Get a task by public token")
            .WithDescription(
                "Public endpoint. The contractor-safe view of the task whose public_token this is: no guest personal data and no "
                + "owner-only fields. An unknown token is 404 task.not_found. Limited per client IP.")
            .AllowAnonymous()
            .RequireRateLimiting(KasifyRateLimits.PublicPerIp)
            .Produces<TaskResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        routes.MapGet("/properties/{id:guid}/tasks", ListPropertyTasksAsync)
            .WithTags("Tasks")
            .WithName("ListPropertyTasks")
            .WithSummary("List tasks for a property")
            .WithDescription("Paginated tasks of the property the caller may see, by start; the filters of List tasks." + RolesNote)
            .AddEndpointFilter<RequestValidationFilter>()
            .AddOpenApiOperationTransformer(DescribeListParameters)
            .Produces<PageResponse<TaskResponse>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    // Without property_id this fans out over the caller's memberships like the booking list: each property counts its
    // matches and returns the first (page + 1) × size by start, and merging those gives this page.
    internal static async Task<Ok<PageResponse<TaskResponse>>> ListTasksAsync(
        [AsParameters] TaskListParameters parameters,
        ClaimsPrincipal principal,
        IGrainFactory grains,
        [FromQuery(Name = "property_id"), Description("Only tasks of this property (uuid).")] string? propertyId = null)
    {
        var errors = new Dictionary<string, string[]>();
        var onlyProperty = TaskListParameters.ParseGuid(errors, "property_id", propertyId);
        var (query, page) = parameters.Parse(errors);
        var userId = await principal.GetUserIdAsync(grains);
        if (onlyProperty is { } id)
        {
            var listed = await grains.GetGrain<IPropertyTasksGrain>(id).ListTasksAsync(userId, query, page);
            return TypedResults.Ok(PageResponse<TaskResponse>.From(listed, TaskResponse.Of));
        }

        var memberships = await grains.GetGrain<IUserGrain>(userId).GetMembershipsAsync();
        var limit = (int)Math.Min(int.MaxValue, ((long)page.PageNumber + 1) * page.Size);
        var matches = await Task.WhenAll(memberships.Select(membership =>
            grains.GetGrain<IPropertyTasksGrain>(membership.PropertyId).FindTasksAsync(userId, query, limit)));
        var ordered = matches.SelectMany(match => match.First).OrderBy(view => view.Task.From).ThenBy(view => view.Task.Id).ToList();
        var content = Page<CrewTaskView>.Of(ordered, page).Content;
        var total = matches.Sum(match => (long)match.Total);
        return TypedResults.Ok(PageResponse<TaskResponse>.From(new Page<CrewTaskView>(content, page.PageNumber, page.Size, total), TaskResponse.Of));
    }

    internal static async Task<Ok<PageResponse<TaskResponse>>> ListPropertyTasksAsync(
        Guid id, [AsParameters] TaskListParameters parameters, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var (query, page) = parameters.Parse();
        var userId = await principal.GetUserIdAsync(grains);
        var listed = await grains.GetGrain<IPropertyTasksGrain>(id).ListTasksAsync(userId, query, page);
        return TypedResults.Ok(PageResponse<TaskResponse>.From(listed, TaskResponse.Of));
    }

    internal static async Task<Created<TaskResponse>> CreateTaskAsync(TaskRequest request, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        var view = await grains.GetGrain<IPropertyTasksGrain>(request.PropertyId!.Value).CreateTaskAsync(userId, request.ToCommand());
        return TypedResults.Created($"/v1/tasks/{view.Task.Id}", TaskResponse.Of(view));
    }

    internal static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> GetTaskAsync(Guid id, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        var view = await grains.GetGrain<ITaskGrain>(id).GetPropertyIdAsync() is { } propertyId
            ? await grains.GetGrain<IPropertyTasksGrain>(propertyId).GetTaskAsync(userId, id)
            : null;
        return view is null ? TaskNotFound() : TypedResults.Ok(TaskResponse.Of(view));
    }

    // The body is read here rather than bound, so that a merge patch can tell an absent field from an explicit null.
    internal static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> UpdateTaskAsync(
        Guid id, HttpRequest request, ClaimsPrincipal principal, IGrainFactory grains, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (await MergePatchDocument.ReadAsync(request, json.Value.SerializerOptions, cancellationToken) is not { } document)
        {
            return KasifyProblems.Result(
                StatusCodes.Status415UnsupportedMediaType, "request.unsupported_media_type", "Send application/merge-patch+json or application/json.");
        }

        var patch = TaskPatchParser.Parse(document);
        var userId = await principal.GetUserIdAsync(grains);
        if (await grains.GetGrain<ITaskGrain>(id).GetPropertyIdAsync() is not { } propertyId)
        {
            return TaskNotFound();
        }

        return TypedResults.Ok(TaskResponse.Of(await grains.GetGrain<IPropertyTasksGrain>(propertyId).UpdateTaskAsync(userId, id, patch)));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteTaskAsync(Guid id, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        if (await grains.GetGrain<ITaskGrain>(id).GetPropertyIdAsync() is not { } propertyId)
        {
            return TaskNotFound();
        }

        await grains.GetGrain<IPropertyTasksGrain>(propertyId).CancelTaskAsync(userId, id);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> StartTaskAsync(Guid id, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var userId = await principal.GetUserIdAsync(grains);
        if (await grains.GetGrain<ITaskGrain>(id).GetPropertyIdAsync() is not { } propertyId)
        {
            return TaskNotFound();
        }

        return TypedResults.Ok(TaskResponse.Of(await grains.GetGrain<IPropertyTasksGrain>(propertyId).StartTaskAsync(userId, id)));
    }

    internal static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> CompleteTaskAsync(
        Guid id, ClaimsPrincipal principal, IGrainFactory grains, [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] CompleteTaskRequest? request = null)
    {
        var userId = await principal.GetUserIdAsync(grains);
        if (await grains.GetGrain<ITaskGrain>(id).GetPropertyIdAsync() is not { } propertyId)
        {
            return TaskNotFound();
        }

        var view = await grains.GetGrain<IPropertyTasksGrain>(propertyId).CompleteTaskAsync(userId, id, request?.JobReport);
        return TypedResults.Ok(TaskResponse.Of(view));
    }

    internal static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> GetPublicTaskAsync(
        [Description("The task's public token.")] string token, IGrainFactory grains)
    {
        if (token.Length > MaxTokenLength)
        {
            return TaskNotFound();
        }

        // Tokens issued before they were indexed by hash are found under their raw key once, which moves them.
        var link = await grains.GetGrain<ITaskPublicTokenIndexGrain>(TaskPublicTokenKeys.For(token)).ResolveAsync()
            ?? await grains.GetGrain<ITaskPublicTokenIndexGrain>(TaskPublicTokenKeys.Legacy(token)).ResolveAsync();
        var view = link is not null
            ? await grains.GetGrain<IPropertyTasksGrain>(link.PropertyId).GetPublicTaskAsync(link.TaskId)
            : null;
        return view is null ? TaskNotFound() : TypedResults.Ok(TaskResponse.Of(view));
    }

    // The list parameters are bound as text (see TaskListParameters); the document still tells clients their formats.
    private static Task DescribeListParameters(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter.Schema is OpenApiSchema schema)
            {
                schema.Format = parameter.Name switch
                {
                    "scheduled_from" or "scheduled_to" => "date",
                    "assigned_to" or "property_id" => "uuid",
                    _ => schema.Format,
                };
            }
        }

        return Task.CompletedTask;
    }

    private static ProblemHttpResult TaskNotFound() => KasifyProblems.Result(StatusCodes.Status404NotFound, "task.not_found", "No such task.");
}
