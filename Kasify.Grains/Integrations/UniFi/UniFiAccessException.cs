namespace Kasify.Grains.Integrations.UniFi;

/// <summary>A UniFi Access call failed; <see cref="Error"/> says why, <see cref="VendorCode"/> is the envelope's code if any.</summary>
public sealed class UniFiAccessException : Exception
{
    public UniFiAccessException()
    {
    }

    public UniFiAccessException(string message)
        : base(message)
    {
    }

    public UniFiAccessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UniFiAccessException(UniFiAccessError error, string message, string? vendorCode = null, int? httpStatus = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
        VendorCode = vendorCode;
        HttpStatus = httpStatus;
    }

    public UniFiAccessError Error { get; } = UniFiAccessError.UnexpectedResponse;

    public string? VendorCode { get; }

    public int? HttpStatus { get; }
}
