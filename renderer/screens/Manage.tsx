// The manager's screens live in renderer/manage/.
export { ManageScreen } from '../manage/ManageScreen';
