global using MembershipEdits = Creatio.AccessControl.EditedRows<Creatio.AccessControl.RoleMembership, Creatio.AccessControl.RoleMembership, Creatio.AccessControl.UserId>;
global using RecordRightEdits = Creatio.AccessControl.EditedRows<Creatio.AccessControl.RecordRightRow, Creatio.AccessControl.RecordRightKey, (string, System.Guid)>;
