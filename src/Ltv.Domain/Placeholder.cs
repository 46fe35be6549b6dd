namespace Ltv.Domain;
