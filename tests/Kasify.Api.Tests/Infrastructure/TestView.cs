namespace Kasify.Api.Tests.Infrastructure;

/// <summary>An enum for binding tests.</summary>
public enum TestView
{
    SeaSide,
    Mountain,
}
