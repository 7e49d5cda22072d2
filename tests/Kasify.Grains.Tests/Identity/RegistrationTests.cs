using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Identity;

namespace Kasify.Grains.Tests.Identity;

public sealed class RegistrationTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task RegisteringTwiceReturnsTheSameUserAndAccount()
    {
        var key = SubjectKeys.For("tests", Guid.NewGuid().ToString());
        var command = new RegisterUser("tests", "s", "ana@example.org", "Ana", "García", "es");

        var first = await _grains.GetGrain<ISubjectIndexGrain>(key).RegisterAsync(command);
        var second = await _grains.GetGrain<ISubjectIndexGrain>(key).RegisterAsync(command);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.User, second.User);
        Assert.Equal(first.User.Id, await _grains.GetGrain<ISubjectIndexGrain>(key).GetUserIdAsync());
    }

    [Fact]
    public async Task ConcurrentFirstRegistrationsCreateOneUser()
    {
        var key = SubjectKeys.For("tests", Guid.NewGuid().ToString());
        var command = new RegisterUser("tests", "s", null, null, null, "en");

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _grains.GetGrain<ISubjectIndexGrain>(key).RegisterAsync(command)));

        Assert.Single(results.Select(result => result.User.Id).Distinct());
        Assert.Single(results, result => result.Created);
    }

    [Fact]
    public async Task AnUnknownSubjectHasNoUser()
    {
        Assert.Null(await _grains.GetGrain<ISubjectIndexGrain>(SubjectKeys.For("tests", Guid.NewGuid().ToString())).GetUserIdAsync());
    }

    [Fact]
    public async Task RegisteredUsersAppearInTheDirectory()
    {
        var user = await _grains.RegisterNewUserAsync();

        var page = await _grains.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.Key).ListAsync(new PageRequest(0, PageRequest.MaxSize));
        var all = new List<UserDto>(page.Content);
        for (var next = 1; next < page.TotalPages; next++)
        {
            all.AddRange((await _grains.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.Key).ListAsync(new PageRequest(next, PageRequest.MaxSize))).Content);
        }

        Assert.Contains(all, entry => entry.Id == user.Id && entry.Email == user.Email);
        Assert.Equal(page.TotalElements, all.Count);
    }
}
