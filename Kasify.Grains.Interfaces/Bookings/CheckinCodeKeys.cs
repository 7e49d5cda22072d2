namespace Kasify.Grains.Interfaces.Bookings;

/// <summary>Builds <see cref="ICheckinCodeIndexGrain"/> keys from check-in codes.</summary>
public static class CheckinCodeKeys
{
    /// <summary>"code:" + the code. The prefix keeps the key from looking hex to ADO.NET storage.</summary>
    public static string For(string code) => "code:" + code;
}
