namespace Kasify.Api.Tests.Infrastructure;

/// <summary>A request body for binding tests; on the wire <c>{"rooms_count": 2, "view": "sea_side"}</c>.</summary>
public sealed record TestPayload(int RoomsCount, TestView View);
