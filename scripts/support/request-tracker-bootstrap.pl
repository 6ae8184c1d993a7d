# Prepares a fresh Request Tracker database for the tests (scripts/support/request-tracker.ts):
# an API user with the rights Attendant's write-back needs on the General queue, a user who may
# only read, a ticket field for the TeamViewer session code, RT's root password, an auth token
# for each API user, and agents who sign in to the web UI (not superusers) for the tests of
# Attendant's ticket panel: one as RT sets them up, one on RT's dark theme, one without an e-mail
# address, and one with the address of Attendant's demo admin (the agent of the end-to-end test). RT has no command that makes auth tokens, so this uses RT's own API.
# Arguments: the ticket field's name, root's password. Prints the tokens as JSON.
use strict;
use warnings;
use lib '/usr/share/request-tracker5/lib';
use RT;
RT::LoadConfig();
RT::Init();

my ($field_name, $root_password) = @ARGV;
die "usage: request-tracker-bootstrap.pl FIELD ROOT-PASSWORD\n" unless defined $root_password;

sub check { my ($what, $ok, $message) = @_; die "$what: $message\n" unless $ok; }

my $queue = RT::Queue->new(RT->SystemUser);
$queue->Load('General');
die "queue General is missing\n" unless $queue->id;

sub api_user {
    my ($name, @rights) = @_;
    my $user = RT::User->new(RT->SystemUser);
    check("user $name", $user->Create(Name => $name, EmailAddress => "$name\@rt.invalid", Privileged => 1));
    check("$name $_", $user->PrincipalObj->GrantRight(Right => $_, Object => $queue)) for @rights;
    check("$name ManageAuthTokens", $user->PrincipalObj->GrantRight(Right => 'ManageAuthTokens', Object => $RT::System));
    my $token = RT::AuthToken->new(RT::CurrentUser->new($user));
    my ($id, $message, $auth_string) = $token->Create(Owner => $user->id, Description => 'Attendant tests');
    check("token for $name", $id, $message);
    return $auth_string;
}

my $token = api_user('attendant', qw(SeeQueue ShowTicket CreateTicket CommentOnTicket ReplyToTicket
    ModifyTicket ShowTicketComments ShowOutgoingEmail SeeCustomField ModifyCustomField));
my $read_only_token = api_user('attendant-reader', qw(SeeQueue ShowTicket SeeCustomField));

my $field = RT::CustomField->new(RT->SystemUser);
check('ticket field', $field->Create(Name => $field_name, Type => 'FreeformSingle', LookupType => 'RT::Queue-RT::Ticket'));
check('ticket field on General', $field->AddToObject($queue));

my $root = RT::User->new(RT->SystemUser);
$root->Load('root');
check('root password', $root->SetPassword($root_password));

sub web_agent {
    my ($name, $email, $stylesheet) = @_;
    my $agent = RT::User->new(RT->SystemUser);
    check("agent $name", $agent->Create(Name => $name, ($email ? (EmailAddress => $email) : ()), Privileged => 1));
    check("$name password", $agent->SetPassword($root_password));
    check("$name $_", $agent->PrincipalObj->GrantRight(Right => $_, Object => $queue)) for qw(SeeQueue ShowTicket);
    check("$name theme", $agent->SetPreferences($RT::System, { WebDefaultStylesheet => $stylesheet })) if $stylesheet;
}
web_agent('panel-agent', 'panel-agent@rt.invalid');
web_agent('panel-agent-dark', 'panel-agent-dark@rt.invalid', 'elevator-dark');
web_agent('panel-agent-without-mail');
web_agent('attendant-demo-admin', 'demo-admin@attendant.invalid');

print qq({"token":"$token","readOnlyToken":"$read_only_token"}\n);
