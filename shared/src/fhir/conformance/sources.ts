/**
 * The versions of MedCom's implementation guides these rules are transcribed from: the repository, the version its
 * sushi-config.yaml declares, and the commit read. CareCommunication 5.0.4 names its dependencies (Messaging 4.0.2,
 * MedCom Core 3.0.1, Terminology 2.0.1, DK Core 3.4.0); Messaging's newest source is 4.0.1, which its release note
 * says differs from 4.0.0 only in a dependency, so 4.0.2 is taken to carry the same profiles.
 */
export const IG_SOURCES = {
  carecommunication: { repo: 'medcomdk/dk-medcom-carecommunication', version: '5.0.4', commit: '03cf390434ad889fbdfc5546699cc402ab05ec4e' },
  messaging: { repo: 'medcomdk/dk-medcom-messaging', version: '4.0.1', commit: '5855d1f121cfbfc1319bf28a9824bba1f3fb2ca1' },
  core: { repo: 'medcomdk/dk-medcom-core', version: '3.0.1', commit: 'bb2fbbe42eea9526fc13fd715650714387cb1b77' },
  terminology: { repo: 'medcomdk/dk-medcom-terminology', version: '2.0.1', commit: '3b57f3f9896d5c59147d711f62836dfd041e2dba' },
  acknowledgement: { repo: 'medcomdk/dk-medcom-acknowledgement', version: '2.0.3', commit: '52d5239d54054deb04c35e8f30ff4bec597a45e3' },
  dkCore: { repo: 'hl7dk/dk-core', version: '3.4.0', commit: '6902ab873256b8e9c58200391bfca3f617ab0cd3' },
  governance: { repo: 'medcomdk/MedCom-FHIR-Communication', version: 'docs', commit: 'a9a46595645c7b7d78e269fb4a6a9700b3eef09e' },
  generalGovernance: { repo: 'medcomdk/MedComLandingPage', version: 'docs', commit: '37eb848fdb3d408f4e6841893e7b3bbf20a45078' },
} as const;

const at = (ig: keyof typeof IG_SOURCES, path: string) => ({ repo: `${IG_SOURCES[ig].repo}@${IG_SOURCES[ig].version}`, path });

export const SRC = {
  ccMessage: at('carecommunication', 'input/fsh/MedComCareCommunicationMessage.fsh'),
  ccHeader: at('carecommunication', 'input/fsh/MedComCareCommunicationHeader.fsh'),
  ccCommunication: at('carecommunication', 'input/fsh/MedComCareCommunication.fsh'),
  ccCommunicationPage: at('carecommunication', 'input/pagecontent/StructureDefinition-medcom-careCommunication-communication-intro.md'),
  ccUuid: at('carecommunication', 'input/fsh/MedComCareCommunicationAttachmentID.fsh'),
  ccProvenance: at('carecommunication', 'input/fsh/MedComCareCommunicationProvenance.fsh'),
  messagingMessage: at('messaging', 'input/fsh/MedComMessagingMessage.fsh'),
  messagingHeader: at('messaging', 'input/fsh/MedComMessagingMessageHeader.fsh'),
  messagingDestinationUse: at('messaging', 'input/fsh/MedComMessagingDestinationUseExtension.fsh'),
  messagingOrganization: at('messaging', 'input/fsh/MedComMessagingOrganization.fsh'),
  messagingProvenance: at('messaging', 'input/fsh/MedComMessagingProvenance.fsh'),
  corePatient: at('core', 'input/fsh/MedComCorePatient.fsh'),
  coreOrganization: at('core', 'input/fsh/MedComCoreOrganization.fsh'),
  corePractitioner: at('core', 'input/fsh/MedComCorePractitioner.fsh'),
  corePractitionerRole: at('core', 'input/fsh/MedComCorePractitionerRole.fsh'),
  coreCareTeam: at('core', 'input/fsh/MedComCoreCareTeam.fsh'),
  coreContact: at('core', 'input/fsh/MedComCoreContactExtension.fsh'),
  coreDateTime: at('core', 'input/fsh/MedComCoreDateTimeExtension.fsh'),
  coreIdentifier: at('core', 'input/fsh/MedComIdentifierExtension.fsh'),
  corePractitionerExt: at('core', 'input/fsh/MedComCorePractitionerExtension.fsh'),
  coreSender: at('core', 'input/fsh/MedComSenderExtension.fsh'),
  dkPatient: at('dkCore', 'input/fsh/DkCorePatient.fsh'),
  dkCpr: at('dkCore', 'input/fsh/DkCoreCprIdentifier.fsh'),
  dkEcpr: at('dkCore', 'input/fsh/DkCoreeCprIdentifier.fsh'),
  dkOrganization: at('dkCore', 'input/fsh/DkCoreOrganization.fsh'),
  dkSor: at('dkCore', 'input/fsh/SORIdentifier.fsh'),
  dkGln: at('dkCore', 'input/fsh/GLNIdentifier.fsh'),
  ackMessage: at('acknowledgement', 'input/fsh/MedComAcknowledgementMessage.fsh'),
  ackHeader: at('acknowledgement', 'input/fsh/MedComAcknowledgementMessageHeader.fsh'),
  ackOutcome: at('acknowledgement', 'input/fsh/MedComAcknowledgementOperationOutcome.fsh'),
  govIdentifiers: at('governance', 'docs/assets/documents/052.2_MessageHeader_Identifiers_Timestamps.md'),
  govMessages: at('governance', 'docs/assets/documents/050_Governance-for-MedCom-FHIR-Messages.md'),
  govReliable: at('governance', 'docs/assets/documents/043_Reliable_Messaging-FHIR.md'),
  govCareCommunication: at('governance', 'docs/assets/documents/governance-for-careCommunication.md'),
  govAcknowledgement: at('governance', 'docs/assets/documents/governance-for-acknowledgement.md'),
  govNarrative: at('generalGovernance', 'docs/assets/documents/GeneralGovernanceFHIRStandards.md'),
  r4: { repo: 'HL7 FHIR R4 (4.0.1)', path: 'StructureDefinitions of the base resources' },
} as const;
