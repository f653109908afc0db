import { Validator } from '../../../lib/core/validation';
import { Storage } from '../../../lib/core/strimzi/storage';

describe('Storage', () => {
  test('a single claim is JBOD volume 0 holding the KRaft metadata, kept on delete by default', () => {
    expect(Storage.persistentClaim({ size: '100Gi', storageClass: 'ssd' }).toStrimzi()).toEqual({
      type: 'jbod',
      volumes: [{ id: 0, type: 'persistent-claim', size: '100Gi', class: 'ssd', deleteClaim: false, kraftMetadata: 'shared' }],
    });
  });

  test('JBOD puts metadata on exactly one chosen volume', () => {
    const s = Storage.jbod([{ id: 0, size: '1Ti' }, { id: 1, size: '1Ti' }], 1).toStrimzi() as { volumes: { kraftMetadata?: string }[] };
    expect(s.volumes.map((v) => v.kraftMetadata)).toEqual([undefined, 'shared']);
  });

  test('reports duplicate ids, a metadata volume that does not exist and bad sizes', () => {
    const v = new Validator('p');
    Storage.jbod([{ id: 0, size: '1Ti' }, { id: 0, size: 'big' }], 7).validate(v, 'storage');
    expect(v.issues.map((i) => `${i.field}=${String(i.value)}`)).toEqual([
      'storage.volumes[].id=0',
      'storage.metadataVolumeId=7',
      'storage.volumes[1].size=big',
    ]);
  });

  test('deletesClaims tells whether any volume deletes its claim', () => {
    expect(Storage.persistentClaim({ size: '1Gi' }).deletesClaims).toBe(false);
    expect(Storage.persistentClaim({ size: '1Gi', deleteClaim: true }).deletesClaims).toBe(true);
  });
});
