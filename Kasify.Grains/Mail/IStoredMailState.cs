namespace Kasify.Grains.Mail;

/// <summary>What a <see cref="StoredMailGrain{TMail, TState}"/> keeps: the one mail it was given and what became of it.</summary>
internal interface IStoredMailState<TMail>
    where TMail : class
{
    TMail? Mail { get; set; }

    /// <summary>When the mail server took the mail; null while it has not.</summary>
    DateTimeOffset? SentAt { get; set; }

    /// <summary>Set instead of <see cref="SentAt"/> when the mail is not to be sent any more.</summary>
    DateTimeOffset? GivenUpAt { get; set; }
}
